import type { CSSProperties } from 'react';
import type { Appointment } from '@madoguchi/contract/appointments';
import { calendarMessages } from '../../i18n/calendar-messages';
import { minutesToTime } from '../../time/jst';
import { AppointmentBlock } from './appointment-block';
import { assignLanes, columnHolds, rowSpanOf, slotStarts } from './calendar-layout';
import type { CalendarColumn, RowSpan } from './calendar-layout';

export interface CalendarGridProps {
  label: string;
  columns: readonly CalendarColumn[];
  appointments: readonly Appointment[];
  today: string;
  /** Which name a block shows second (staff in kiosk columns, kiosk in staff columns). */
  secondaryOf: (appointment: Appointment) => string;
  onSlot: (column: CalendarColumn, minutes: number) => void;
  onOpen: (appointment: Appointment) => void;
}

const SLOTS = slotStarts();

/** The grid of 15-minute rows; each column holds its appointments side by side where they overlap. */
export function CalendarGrid({ label, columns, appointments, today, secondaryOf, onSlot, onOpen }: CalendarGridProps) {
  const style = { '--calendar-columns': columns.length } as CSSProperties;
  return (
    <div className="calendar" role="region" aria-label={label} tabIndex={0}>
      <div className="calendar__grid" style={style}>
        <div className="calendar__corner">{calendarMessages.time}</div>
        {SLOTS.map((minutes, row) => (
          <div key={minutes} className={`calendar__time${minutes % 60 === 0 ? ' calendar__time--hour' : ''}`} style={{ gridRow: row + 2 }}>
            {minutes % 30 === 0 ? minutesToTime(minutes) : ''}
          </div>
        ))}
        {columns.map((column, index) => {
          const held = appointments.filter((a) => columnHolds(column, a));
          const placed = held.map((a) => ({ a, span: rowSpanOf(a) })).filter((x): x is { a: Appointment; span: RowSpan } => x.span !== null);
          const outside = held.filter((a) => rowSpanOf(a) === null);
          const lanes = assignLanes(placed.map(({ a, span }) => ({ id: a.id, ...span })));
          const gridColumn = index + 2;
          return [
            <div key={`${column.key}-head`} className={`calendar__head${column.date === today ? ' calendar__head--today' : ''}`} style={{ gridColumn }}>
              <span className="calendar__head-title">{column.heading}</span>
              {column.subheading ? <span className="calendar__head-sub">{column.subheading}</span> : null}
              {outside.length > 0 ? (
                <span className="calendar__outside">
                  <span className="calendar__head-sub">{calendarMessages.outsideHours}</span>
                  {outside.map((a) => (
                    <AppointmentBlock key={a.id} appointment={a} secondary={secondaryOf(a)} onOpen={onOpen} />
                  ))}
                </span>
              ) : null}
            </div>,
            ...SLOTS.map((minutes, row) => (
              <button
                key={`${column.key}-${minutes}`}
                type="button"
                tabIndex={-1}
                className={`calendar__slot${minutes % 60 === 0 ? ' calendar__slot--hour' : ''}`}
                style={{ gridColumn, gridRow: row + 2 }}
                aria-label={calendarMessages.slotLabel(column.heading, minutesToTime(minutes))}
                onClick={() => onSlot(column, minutes)}
              />
            )),
            ...placed.map(({ a, span }) => (
              <AppointmentBlock
                key={a.id}
                appointment={a}
                place={{ column: gridColumn, span, lane: lanes.get(a.id) ?? { lane: 0, lanes: 1 } }}
                secondary={secondaryOf(a)}
                onOpen={onOpen}
              />
            )),
          ];
        })}
      </div>
    </div>
  );
}
