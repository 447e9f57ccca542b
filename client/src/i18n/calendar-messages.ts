import { pick } from './language';

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

const ja: CalendarMessages = {
  heading: '予約カレンダー',
  view: { label: '表示期間', day: '日', week: '週' },
  axis: { label: '列', kiosk: '端末ごと', staff: '職員ごと' },
  previous: { day: '前の日', week: '前の週' },
  next: { day: '次の日', week: '次の週' },
  today: '今日',
  date: '日付',
  newAppointment: '新しい予約',
  resource: { kiosk: '表示する端末', staff: '表示する職員' },
  unassigned: '担当未定',
  department: '部署で絞り込み',
  allDepartments: 'すべての部署',
  showCancelled: '取り消した予約も表示',
  time: '時刻',
  slotLabel: (column, time) => `${column} ${time} に予約を追加`,
  outsideHours: '受付時間外',
  noKiosks: '端末が登録されていません。「設定」の「端末」から登録してください。',
  noStaff: '表示できる職員がいません。部署の絞り込みを外すか、「設定」の「職員」から登録してください。',
  tooMany: 'この期間の予約が多すぎるため、一部が表示されていません。部署や端末で絞り込んでください。',
  keyboardHint: '空いている枠をクリックすると、その時間で予約を追加できます。キーボードでは「新しい予約」ボタンを使い、登録済みの予約はTabキーで選べます。',
  hoursHint: '表に出るのは 8:30〜17:30（日本時間）です。それ以外の時間の予約は「新しい予約」で日付と開始時刻を入力してください。',
  legend: '予約の状態',
  gridLabel: (range) => `${range} の予約`,
};

const en: CalendarMessages = {
  heading: 'Appointment calendar',
  view: { label: 'Period', day: 'Day', week: 'Week' },
  axis: { label: 'Columns', kiosk: 'By kiosk', staff: 'By staff' },
  previous: { day: 'Previous day', week: 'Previous week' },
  next: { day: 'Next day', week: 'Next week' },
  today: 'Today',
  date: 'Date',
  newAppointment: 'New appointment',
  resource: { kiosk: 'Kiosk shown', staff: 'Staff member shown' },
  unassigned: 'Unassigned',
  department: 'Department filter',
  allDepartments: 'All departments',
  showCancelled: 'Show cancelled appointments',
  time: 'Time',
  slotLabel: (column, time) => `Book ${column} at ${time}`,
  outsideHours: 'Outside opening hours',
  noKiosks: 'No kiosks are registered. Register one under Settings › Kiosks.',
  noStaff: 'No staff members to show. Clear the department filter or add members under Settings › Staff.',
  tooMany: 'Too many appointments in this period; some are not shown. Filter by department or kiosk.',
  keyboardHint: 'Click a free slot to book it. With the keyboard, use "New appointment"; booked appointments are reachable with Tab.',
  hoursHint: 'The grid shows 8:30 to 17:30 (Japan time). To book outside those hours, use "New appointment" and type the date and start time.',
  legend: 'Appointment status',
  gridLabel: (range) => `Appointments, ${range}`,
};

export const calendarMessages: CalendarMessages = pick({ ja, en });
