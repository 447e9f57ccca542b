import type { Appointment } from '@madoguchi/contract/appointments';
import { StatusBadge } from '../../components/status-badge';
import { appointmentMessages } from '../../i18n/appointment-messages';
import { common } from '../../i18n/common-messages';
import { AppointmentFileActions } from './appointment-file-actions';
import { CancelAppointmentButton } from './cancel-appointment-button';
import { ReissueLinkButton } from './reissue-link-button';

/** Status, check-in code and the actions on an existing appointment. */
export function AppointmentSummary({ appointment, onCancelled }: { appointment: Appointment; onCancelled: () => void }) {
  const f = appointmentMessages.fields;
  return (
    <div className="appointment-summary">
      <dl className="facts">
        <div>
          <dt>{f.status}</dt>
          <dd>
            <StatusBadge tone={appointment.status} label={common.appointmentStatus[appointment.status]} />
          </dd>
        </div>
        <div>
          <dt>{f.checkInCode}</dt>
          <dd className="appointment-summary__code">{appointment.checkInCode ?? common.none}</dd>
        </div>
      </dl>
      <div className="appointment-summary__actions">
        <AppointmentFileActions appointmentId={appointment.id} canPrint={appointment.checkInCode !== null} />
        {appointment.status === 'scheduled' ? <ReissueLinkButton appointmentId={appointment.id} /> : null}
        {appointment.status === 'scheduled' ? <CancelAppointmentButton appointment={appointment} onCancelled={onCancelled} /> : null}
      </div>
    </div>
  );
}
