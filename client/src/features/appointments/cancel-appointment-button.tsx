import { useState } from 'react';
import type { Appointment } from '@madoguchi/contract/appointments';
import { cancelAppointment } from '../../api/appointments-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormField } from '../../components/form-field';
import { useApi } from '../../hooks/use-api';
import { appointmentMessages } from '../../i18n/appointment-messages';
import { describeError } from '../../i18n/describe-error';
import { formatDateTime } from '../../time/jst-format';

const texts = appointmentMessages.cancel;

/** 「予約を取り消す」 with a confirmation that names the resident and the time. */
export function CancelAppointmentButton({ appointment, onCancelled }: { appointment: Appointment; onCancelled: () => void }) {
  const { run } = useApi();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await run((options) => cancelAppointment(appointment.id, { reason: reason.trim() }, options));
      setOpen(false);
      onCancelled();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button button--danger-outline" onClick={() => setOpen(true)}>
        {texts.button}
      </button>
      <ConfirmDialog
        open={open}
        title={texts.title}
        message={texts.message(appointment.residentName, formatDateTime(appointment.startsAt))}
        confirmLabel={texts.confirm}
        cancelLabel={texts.keep}
        danger
        busy={busy}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <FormField label={texts.reason}>
          {(c) => <input {...c} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </FormField>
      </ConfirmDialog>
    </>
  );
}
