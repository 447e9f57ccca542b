import { FormField } from '../../components/form-field';
import { kioskMessages } from '../../i18n/kiosk-messages';
import type { KioskFormValues } from './kiosk-form';

const f = kioskMessages.fields;

export interface CameraRoleFieldsProps {
  values: Pick<KioskFormValues, 'faceCameraId' | 'documentCameraId'>;
  onChange: (patch: Partial<KioskFormValues>) => void;
}

/** Which of the kiosk's cameras films the face and which the documents (MediaDeviceInfo.deviceId). */
export function CameraRoleFields({ values, onChange }: CameraRoleFieldsProps) {
  return (
    <fieldset className="checkbox-group">
      <legend className="field__label">{f.cameras}</legend>
      <p className="field__hint">{f.cameraHint}</p>
      <div className="form-grid">
        <FormField label={f.faceCamera}>
          {(c) => <input {...c} maxLength={200} spellCheck={false} value={values.faceCameraId} onChange={(e) => onChange({ faceCameraId: e.target.value })} />}
        </FormField>
        <FormField label={f.documentCamera}>
          {(c) => <input {...c} maxLength={200} spellCheck={false} value={values.documentCameraId} onChange={(e) => onChange({ documentCameraId: e.target.value })} />}
        </FormField>
      </div>
    </fieldset>
  );
}
