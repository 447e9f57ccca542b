import { sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/calendar.json';
import ja from './ja/calendar.json';
import { localized } from './language';

export interface CalendarMessages {
  heading: string;
  view: { label: string; day: string; week: string };
  axis: { label: string; kiosk: string; staff: string };
  previous: { day: string; week: string };
  next: { day: string; week: string };
  today: string;
  date: string;
  newAppointment: string;
  resource: { kiosk: string; staff: string };
  unassigned: string;
  department: string;
  allDepartments: string;
  showCancelled: string;
  time: string;
  slotLabel: (column: string, time: string) => string;
  outsideHours: string;
  noKiosks: string;
  noStaff: string;
  tooMany: string;
  keyboardHint: string;
  hoursHint: string;
  legend: string;
  gridLabel: (range: string) => string;
}

/** The words are in `ja/calendar.json` and `en/calendar.json`. */
export const calendarMessages: CalendarMessages = localized<CalendarMessages>(sameKeysAsJapanese({ ja, en }), {
  slotLabel: ['column', 'time'],
  gridLabel: ['range'],
});
