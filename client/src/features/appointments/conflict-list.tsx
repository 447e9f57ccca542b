import type { ConflictingAppointment } from '@madoguchi/contract/appointments';
import { appointmentMessages } from '../../i18n/appointment-messages';
import { formatDateTime, formatTime } from '../../time/jst-format';

export interface ConflictListProps {
  heading: string;
  conflicts: readonly ConflictingAppointment[];
  /** role=alert for a refused save; a polite status for the live check. */
  urgent?: boolean;
}

/** The appointments a slot collides with, and what to change. */
export function ConflictList({ heading, conflicts, urgent = false }: ConflictListProps) {
  const texts = appointmentMessages.conflicts;
  return (
    <div className="notice notice--error conflicts" role={urgent ? 'alert' : 'status'}>
      <p className="notice__text conflicts__heading">{heading}</p>
      <ul className="conflicts__list">
        {conflicts.map((conflict) => (
          <li key={`${conflict.id}-${conflict.on}`}>
            <strong>{texts.on[conflict.on]}</strong>: {formatDateTime(conflict.startsAt)}–{formatTime(conflict.endsAt)} · {conflict.residentName} ·{' '}
            {conflict.on === 'staff' && conflict.staffName ? conflict.staffName : conflict.kioskName}
          </li>
        ))}
      </ul>
      <p className="notice__text">{texts.advice}</p>
    </div>
  );
}
