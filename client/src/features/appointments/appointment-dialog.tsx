import type { AppointmentDetail } from '@madoguchi/contract/appointments';
import { getAppointment } from '../../api/appointments-api';
import { ModalDialog } from '../../components/modal-dialog';
import { Notice } from '../../components/notice';
import { useApiData } from '../../hooks/use-api-data';
import { appointmentMessages } from '../../i18n/appointment-messages';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import type { DraftSeed } from './appointment-draft';
import { AppointmentEditor } from './appointment-editor';
import type { AppointmentFormOptions } from './appointment-form-types';
import { AppointmentHistory } from './appointment-history';
import { AppointmentSummary } from './appointment-summary';

export type AppointmentDialogTarget = { kind: 'new'; seed: DraftSeed } | { kind: 'edit'; id: string };

export interface AppointmentDialogProps extends AppointmentFormOptions {
  target: AppointmentDialogTarget;
  /** Saved or cancelled: the calendar reloads and shows the message. */
  onChanged: (message: string) => void;
  onClose: () => void;
}

function ExistingAppointment({ id, onChanged, onClose, ...options }: AppointmentFormOptions & { id: string; onChanged: (m: string) => void; onClose: () => void }) {
  const detail = useApiData<AppointmentDetail>((o) => getAppointment(id, o), id);
  if (detail.error && !detail.data) return <Notice tone="error" text={describeError(detail.error)} actionLabel={common.actions.retry} onAction={detail.reload} />;
  if (!detail.data) return <p role="status">{common.loading}</p>;
  const appointment = detail.data;
  const names = {
    kiosk: (kioskId: string) => options.kiosks.find((k) => k.id === kioskId)?.name ?? null,
    staff: (staffId: string) => options.staff.find((m) => m.id === staffId)?.displayName ?? null,
  };
  return (
    <>
      <AppointmentSummary appointment={appointment} onCancelled={() => onChanged(appointmentMessages.cancelled)} />
      <AppointmentEditor original={appointment} seed={{ date: '' }} onSaved={onChanged} onClose={onClose} {...options} />
      <AppointmentHistory history={appointment.history} names={names} />
    </>
  );
}

/** Create, or look at / change / cancel one appointment. */
export function AppointmentDialog({ target, onChanged, onClose, ...options }: AppointmentDialogProps) {
  const title = target.kind === 'new' ? appointmentMessages.newTitle : appointmentMessages.editTitle;
  return (
    <ModalDialog open title={title} closeLabel={common.actions.close} onClose={onClose} wide>
      {target.kind === 'new' ? (
        <AppointmentEditor original={null} seed={target.seed} onSaved={onChanged} onClose={onClose} {...options} />
      ) : (
        <ExistingAppointment key={target.id} id={target.id} onChanged={onChanged} onClose={onClose} {...options} />
      )}
    </ModalDialog>
  );
}
