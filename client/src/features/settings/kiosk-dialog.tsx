import type { KioskRegistered, KioskSummary } from '@madoguchi/contract/kiosks';
import { createKiosk, updateKiosk } from '../../api/kiosks-api';
import { FormField } from '../../components/form-field';
import { useAction } from '../../hooks/use-action';
import { common } from '../../i18n/common-messages';
import { kioskMessages } from '../../i18n/kiosk-messages';
import { CameraRoleFields } from './camera-role-fields';
import { createKioskBody, kioskFormFrom, kioskProblems, updateKioskBody } from './kiosk-form';
import { SettingsFormDialog } from './settings-form-dialog';
import { useCheckedForm } from './use-checked-form';

const t = kioskMessages;
const f = t.fields;

export interface KioskDialogProps {
  /** null: register a new kiosk. */
  kiosk: KioskSummary | null;
  onSaved: (message: string) => void;
  onRegistered: (registered: KioskRegistered) => void;
  onClose: () => void;
}

export function KioskDialog({ kiosk, onSaved, onRegistered, onClose }: KioskDialogProps) {
  const form = useCheckedForm(() => kioskFormFrom(kiosk), kioskProblems);
  const { values, change, problems } = form;
  const { perform, busy, error } = useAction();

  async function submit() {
    if (!form.check()) return;
    if (kiosk) {
      const result = await perform((o) => updateKiosk(kiosk.id, updateKioskBody(values), o));
      if (result.ok) onSaved(t.saved);
    } else {
      // Registering answers with the pairing code, which the section shows once.
      const result = await perform((o) => createKiosk(createKioskBody(values), o));
      if (result.ok) onRegistered(result.value);
    }
  }

  return (
    <SettingsFormDialog
      title={kiosk ? t.editTitle : t.registerTitle}
      submitLabel={kiosk ? common.actions.save : t.register}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="form-grid">
        <FormField label={f.name} required requiredLabel={common.required} error={problems.name ? f.nameRequired : null}>
          {(c) => <input {...c} maxLength={60} value={values.name} onChange={(e) => change({ name: e.target.value })} />}
        </FormField>
        <FormField label={f.location} hint={f.locationHint} required requiredLabel={common.required} error={problems.location ? f.locationRequired : null}>
          {(c) => <input {...c} maxLength={80} value={values.location} onChange={(e) => change({ location: e.target.value })} />}
        </FormField>
      </div>
      <FormField label={f.address} hint={f.addressHint}>
        {(c) => <input {...c} maxLength={200} value={values.address} onChange={(e) => change({ address: e.target.value })} />}
      </FormField>
      {kiosk ? <CameraRoleFields values={values} onChange={change} /> : null}
    </SettingsFormDialog>
  );
}
