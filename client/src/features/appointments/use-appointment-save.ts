import { useState } from 'react';
import type { Appointment, ConflictingAppointment } from '@madoguchi/contract/appointments';
import { createAppointment, updateAppointment } from '../../api/appointments-api';
import { useApi } from '../../hooks/use-api';
import { appointmentMessages } from '../../i18n/appointment-messages';
import { describeError } from '../../i18n/describe-error';
import { conflictsFrom } from './appointment-conflicts';
import { draftChanges, draftToCreate } from './appointment-draft';
import type { AppointmentDraft } from './appointment-draft';

export interface AppointmentSave {
  /** Resolves to the message to show once saved, or null when it was refused. */
  save(draft: AppointmentDraft): Promise<string | null>;
  saving: boolean;
  error: string | null;
  /** Set when the server refused the slot (HTTP 409), with the draft it refused. */
  refused: { draft: AppointmentDraft; conflicts: ConflictingAppointment[] } | null;
}

export function useAppointmentSave(original: Appointment | null): AppointmentSave {
  const { run } = useApi();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<AppointmentSave['refused']>(null);

  const save = async (draft: AppointmentDraft): Promise<string | null> => {
    const changes = original ? draftChanges(draft, original) : null;
    if (changes && Object.keys(changes).length === 0) return appointmentMessages.noChanges;
    setSaving(true);
    setError(null);
    setRefused(null);
    try {
      if (original && changes) await run((options) => updateAppointment(original.id, changes, options));
      else await run((options) => createAppointment(draftToCreate(draft), options));
      return original ? appointmentMessages.updated : appointmentMessages.created;
    } catch (caught) {
      const conflicts = conflictsFrom(caught);
      if (conflicts) setRefused({ draft, conflicts });
      else setError(describeError(caught));
      return null;
    } finally {
      setSaving(false);
    }
  };

  return { save, saving, error, refused };
}
