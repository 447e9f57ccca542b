import { useState } from 'react';
import type { FormEvent } from 'react';
import type { KioskRegistered, KioskSummary } from '@contract/kiosks';
import { createKiosk, updateKiosk } from '../../api/kiosks-api';
import { FormField } from '../../components/form-field';
import { ModalDialog } from '../../components/modal-dialog';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks/use-action';
import { common } from '../../i18n/common-messages';
import { kioskMessages } from '../../i18n/kiosk-messages';
import { CameraRoleFields } from './camera-role-fields';
import { createKioskBody, kioskFormFrom, kioskProblems, updateKioskBody } from './kiosk-form';
import type { KioskFormValues } from './kiosk-form';

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
  const [values, setValues] = useState(() => kioskFormFrom(kiosk));
  const [checked, setChecked] = useState(false);
  const { perform, busy, error } = useAction();
  const problems = checked ? kioskProblems(values) : {};
  const set = (patch: Partial<KioskFormValues>) => setValues((prev) => ({ ...prev, ...patch }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(kioskProblems(values)).length > 0) return;
    if (kiosk) {
      const result = await perform((o) => updateKiosk(kiosk.id, updateKioskBody(values), o));
      if (result.ok) onSaved(t.saved);
    } else {
      const result = await perform((o) => createKiosk(createKioskBody(values), o));
      if (result.ok) onRegistered(result.value);
    }
  }

  return (
    <ModalDialog open title={kiosk ? t.editTitle : t.registerTitle} closeLabel={common.actions.close} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <FormField label={f.name} required requiredLabel={common.required} error={problems.name ? f.nameRequired : null}>
            {(c) => <input {...c} maxLength={60} value={values.name} onChange={(e) => set({ name: e.target.value })} />}
          </FormField>
          <FormField label={f.location} hint={f.locationHint} required requiredLabel={common.required} error={problems.location ? f.locationRequired : null}>
            {(c) => <input {...c} maxLength={80} value={values.location} onChange={(e) => set({ location: e.target.value })} />}
          </FormField>
        </div>
        <FormField label={f.address} hint={f.addressHint}>
          {(c) => <input {...c} maxLength={200} value={values.address} onChange={(e) => set({ address: e.target.value })} />}
        </FormField>
        {kiosk ? <CameraRoleFields values={values} onChange={set} /> : null}
        {error ? <Notice tone="error" text={error} /> : null}
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {common.actions.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? common.actions.saving : kiosk ? common.actions.save : t.register}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
