import type { CSSProperties } from 'react';
import type { Appointment } from '@madoguchi/contract/appointments';
import { common } from '../../i18n/common-messages';
import { formatTime } from '../../time/jst-format';
import type { Lane, RowSpan } from './calendar-layout';

export interface AppointmentBlockProps {
  appointment: Appointment;
  /** Where it sits in the grid; omitted for the "outside opening hours" list. */
  place?: { column: number; span: RowSpan; lane: Lane };
  /** Which name to show second: the staff member in kiosk columns, the kiosk in staff columns. */
  secondary: string;
  onOpen: (appointment: Appointment) => void;
}

/** One appointment: time, resident, status in words and colour; opens the dialog. */
export function AppointmentBlock({ appointment, place, secondary, onOpen }: AppointmentBlockProps) {
  const status = common.appointmentStatus[appointment.status];
  const time = `${formatTime(appointment.startsAt)}–${formatTime(appointment.endsAt)}`;
  const style: CSSProperties | undefined = place
    ? {
        gridColumn: place.column,
        gridRow: `${place.span.rowStart + 2} / ${place.span.rowEnd + 2}`,
        width: `calc(${100 / place.lane.lanes}% - 4px)`,
        marginLeft: `calc(${(100 * place.lane.lane) / place.lane.lanes}% + 2px)`,
      }
    : undefined;
  // The tooltip for a block too narrow for its lines. No aria-label: the name read out is the
  // visible text itself, in its order (WCAG 2.5.3; a label in another order failed axe in Firefox).
  const label = [time, status, appointment.residentName, appointment.departmentName, secondary].filter(Boolean).join('、');
  return (
    <button
      type="button"
      className={`appt appt--${appointment.status}${place ? '' : ' appt--listed'}`}
      style={style}
      title={label}
      onClick={() => onOpen(appointment)}
    >
      <span className="appt__line">
        <span className="appt__time">{time}</span> <span className="appt__status">{status}</span>
      </span>
      <span className="appt__line appt__name">{appointment.residentName}</span>
      <span className="appt__line appt__detail">{[appointment.departmentName, secondary].filter(Boolean).join(' · ')}</span>
    </button>
  );
}
