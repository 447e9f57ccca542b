import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { APPOINTMENT_START_GRACE_MINUTES, type AppointmentDetail, type ConflictCheckRequest } from '@madoguchi/contract/appointments';
import { getAppointmentRules } from '../../api/appointments-api';
import { Notice } from '../../components/notice';
import { useApiData } from '../../hooks/use-api-data';
import { appointmentMessages } from '../../i18n/appointment-messages';
import { common } from '../../i18n/common-messages';
import { draftFromAppointment, draftSlot, emptyDraft, validateDraft } from './appointment-draft';
import type { AppointmentDraft, DraftSeed } from './appointment-draft';
import type { AppointmentFormOptions } from './appointment-form-types';
import { AppointmentResidentFields } from './appointment-resident-fields';
import { AppointmentSlotFields } from './appointment-slot-fields';
import { ConflictStatus } from './conflict-status';
import { useAppointmentSave } from './use-appointment-save';
import { useConflictCheck } from './use-conflict-check';

export interface AppointmentEditorProps extends AppointmentFormOptions {
  original: AppointmentDetail | null;
  seed: DraftSeed;
  onSaved: (message: string) => void;
  onClose: () => void;
}

function conflictQuestion(draft: AppointmentDraft, excludeId: string | undefined): ConflictCheckRequest | null {
  const slot = draftSlot(draft);
  if (!slot || !draft.kioskId) return null;
  const request: ConflictCheckRequest = { kioskId: draft.kioskId, staffId: draft.staffId || null, ...slot };
  if (excludeId) request.excludeAppointmentId = excludeId;
  return request;
}

/** The create/edit form with the live overlap check; closed appointments are shown read-only. */
export function AppointmentEditor({ original, seed, onSaved, onClose, ...options }: AppointmentEditorProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<AppointmentDraft>(() => (original ? draftFromAppointment(original) : emptyDraft(seed)));
  const [showProblems, setShowProblems] = useState(false);
  const locked = original !== null && original.status !== 'scheduled';
  // Only a new slot, or one the admin moved, is checked against the clock: an old booking stays editable.
  const slot = draftSlot(draft);
  const slotChanged = original === null || !slot || Date.parse(slot.startsAt) !== Date.parse(original.startsAt) || Date.parse(slot.endsAt) !== Date.parse(original.endsAt);
  const clock = slotChanged ? new Date() : null;
  // The town's no-show grace as the server applies it; the contract's default until it is known.
  const rules = useApiData(getAppointmentRules, 'appointment-rules');
  const startGraceMinutes = rules.data?.startGraceMinutes ?? APPOINTMENT_START_GRACE_MINUTES;
  const problems = showProblems ? validateDraft(draft, clock, startGraceMinutes) : {};
  const check = useConflictCheck(locked ? null : conflictQuestion(draft, original?.id));
  const { save, saving, error, refused } = useAppointmentSave(original);
  // The refusal stays on screen until the admin changes something.
  const refusedBy = refused && refused.draft === draft ? refused.conflicts : null;

  const onChange = (patch: Partial<AppointmentDraft>) => setDraft((prev) => ({ ...prev, ...patch }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (locked || saving) return;
    if (Object.keys(validateDraft(draft, clock, startGraceMinutes)).length > 0) {
      setShowProblems(true);
      // After React has drawn the messages: take the admin to the first field to fix.
      window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const message = await save(draft);
    if (message) onSaved(message);
  }

  const fieldProps = { draft, onChange, problems, disabled: locked, startGraceMinutes };
  return (
    <form ref={formRef} className="appointment-form" onSubmit={(event) => void submit(event)} noValidate>
      {locked && original ? <Notice text={appointmentMessages.locked(common.appointmentStatus[original.status])} /> : null}
      {showProblems && Object.keys(problems).length > 0 ? <Notice tone="error" text={appointmentMessages.fixBeforeSaving} /> : null}
      <AppointmentSlotFields {...fieldProps} {...options} />
      {locked ? null : <ConflictStatus check={check} refusedBy={refusedBy} />}
      <AppointmentResidentFields {...fieldProps} />
      {error ? <Notice tone="error" text={error} /> : null}
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {common.actions.close}
        </button>
        {locked ? null : (
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? appointmentMessages.saving : original ? appointmentMessages.save : appointmentMessages.create}
          </button>
        )}
      </div>
    </form>
  );
}
