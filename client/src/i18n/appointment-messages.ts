import type { AppointmentAction, ConflictingAppointment } from '@madoguchi/contract/appointments';
import type { DraftField, DraftProblem } from '../features/appointments/appointment-draft';
import { pick } from './language';

export interface AppointmentMessages {
  newTitle: string;
  editTitle: string;
  fields: {
    department: string;
    kiosk: string;
    staff: string;
    staffNone: string;
    staffHint: string;
    date: string;
    startTime: string;
    startTimeHint: string;
    duration: string;
    residentName: string;
    residentKana: string;
    residentKanaHint: string;
    language: string;
    needs: string;
    interpreter: string;
    hearingSupport: string;
    wheelchair: string;
    other: string;
    topic: string;
    notes: string;
    notesHint: string;
    choose: string;
    checkInCode: string;
    status: string;
  };
  durationOption: (minutes: number) => string;
  problem: (field: DraftField, problem: DraftProblem) => string;
  fixBeforeSaving: string;
  conflicts: {
    checking: string;
    none: string;
    heading: (count: number) => string;
    savedHeading: string;
    on: Record<ConflictingAppointment['on'], string>;
    advice: string;
    checkFailed: string;
  };
  create: string;
  save: string;
  saving: string;
  created: string;
  updated: string;
  cancelled: string;
  noChanges: string;
  locked: (status: string) => string;
  cancel: {
    button: string;
    title: string;
    message: (name: string, when: string) => string;
    reason: string;
    confirm: string;
    keep: string;
  };
  printSlip: string;
  downloadIcs: string;
  downloadFailed: string;
  history: {
    heading: string;
    empty: string;
    action: Record<AppointmentAction, string>;
    by: (name: string) => string;
    system: string;
    from: string;
    to: string;
    slot: string;
    reason: string;
  };
}

const DRAFT_FIELD_JA: Record<DraftField, string> = {
  departmentId: '部署',
  kioskId: '端末',
  date: '日付',
  startTime: '開始時刻',
  durationMinutes: '所要時間',
  residentName: '氏名',
  residentKana: 'ふりがな',
  needsOther: 'その他の配慮',
  topic: '相談内容',
  notes: 'メモ',
  form: '入力内容',
};
const LIMIT: Partial<Record<DraftField, number>> = { residentName: 60, residentKana: 60, needsOther: 200, topic: 120, notes: 2000 };

function problemJa(field: DraftField, problem: DraftProblem): string {
  const name = DRAFT_FIELD_JA[field];
  switch (problem) {
    case 'required':
      return field === 'departmentId' || field === 'kioskId' ? `${name}を選んでください。` : `${name}を入力してください。`;
    case 'invalidDate':
      return '日付を正しく入力してください（例: 2026-11-24）。';
    case 'invalidTime':
      return '開始時刻を正しく入力してください（例: 09:30）。';
    case 'kanaOnly':
      return 'ふりがなはカタカナかひらがなで入力してください。';
    case 'tooLong':
      return `${name}が長すぎます。${LIMIT[field] ?? ''}文字以内にしてください。`;
    case 'invalid':
      return field === 'durationMinutes' ? '所要時間は4時間以内にしてください。' : `${name}を確認してください。`;
  }
}

const DRAFT_FIELD_EN: Record<DraftField, string> = {
  departmentId: 'department',
  kioskId: 'kiosk',
  date: 'date',
  startTime: 'start time',
  durationMinutes: 'duration',
  residentName: 'name',
  residentKana: 'kana reading',
  needsOther: 'other needs',
  topic: 'topic',
  notes: 'notes',
  form: 'input',
};

function problemEn(field: DraftField, problem: DraftProblem): string {
  const name = DRAFT_FIELD_EN[field];
  switch (problem) {
    case 'required':
      return field === 'departmentId' || field === 'kioskId' ? `Choose a ${name}.` : `Enter the ${name}.`;
    case 'invalidDate':
      return 'Enter a valid date (e.g. 2026-11-24).';
    case 'invalidTime':
      return 'Enter a valid start time (e.g. 09:30).';
    case 'kanaOnly':
      return 'Write the reading in katakana or hiragana only.';
    case 'tooLong':
      return `The ${name} is too long; use at most ${LIMIT[field] ?? ''} characters.`;
    case 'invalid':
      return field === 'durationMinutes' ? 'An appointment can last at most 4 hours.' : `Check the ${name}.`;
  }
}

const ja: AppointmentMessages = {
  newTitle: '新しい予約',
  editTitle: '予約の詳細・変更',
  fields: {
    department: '部署',
    kiosk: '端末（相談する場所）',
    staff: '担当職員',
    staffNone: '未定（後で決める）',
    staffHint: '選んだ部署の職員だけが表示されます。',
    date: '日付',
    startTime: '開始時刻',
    startTimeHint: '日本時間。例: 09:30',
    duration: '所要時間',
    residentName: '住民の氏名',
    residentKana: 'ふりがな',
    residentKanaHint: 'カタカナまたはひらがな',
    language: '希望する言語',
    needs: '必要な配慮',
    interpreter: '通訳',
    hearingSupport: '聴覚支援',
    wheelchair: '車いす',
    other: 'その他の配慮（具体的に）',
    topic: '相談内容（要旨）',
    notes: 'メモ',
    notesHint: '職員だけが見ます。住民には表示されません。',
    choose: '選んでください',
    checkInCode: '受付番号',
    status: '状態',
  },
  durationOption: (m) => (m < 60 ? `${m}分` : m % 60 === 0 ? `${m / 60}時間` : `${Math.floor(m / 60)}時間${m % 60}分`),
  problem: problemJa,
  fixBeforeSaving: '入力内容に不足や誤りがあります。赤く表示された項目を直してから保存してください。',
  conflicts: {
    checking: 'ほかの予約との重なりを確認しています…',
    none: 'ほかの予約との重なりはありません。',
    heading: (n) => `この時間はほかの予約${n}件と重なっています。`,
    savedHeading: '保存できませんでした。次の予約と重なっています。',
    on: { kiosk: '端末が重複', staff: '担当職員が重複' },
    advice: '開始時刻・端末・担当職員のいずれかを変えてください。',
    checkFailed: '重なりを確認できませんでした。保存時にもう一度確認されます。',
  },
  create: '予約を登録',
  save: '変更を保存',
  saving: '保存しています…',
  created: '予約を登録しました。',
  updated: '予約を変更しました。',
  cancelled: '予約を取り消しました。',
  noChanges: '変更された項目はありません。',
  locked: (status) => `この予約は「${status}」のため変更できません。`,
  cancel: {
    button: '予約を取り消す',
    title: '予約を取り消しますか？',
    message: (name, when) => `${when} の ${name} さんの予約を取り消します。取り消した予約は元に戻せません。`,
    reason: '取り消しの理由（任意）',
    confirm: '取り消す',
    keep: '取り消さない',
  },
  printSlip: '受付票を印刷',
  downloadIcs: 'カレンダーに追加 (.ics)',
  downloadFailed: 'ファイルをダウンロードできませんでした。もう一度お試しください。',
  history: {
    heading: '履歴',
    empty: '履歴はまだありません。',
    action: {
      created: '登録',
      updated: '変更',
      rescheduled: '日時・場所・担当の変更',
      cancelled: '取り消し',
      checked_in: '受付',
      check_in_withdrawn: '受付の取り下げ',
      session_started: '相談開始',
      completed: '完了',
      no_show: '不在（来られなかった）',
    },
    by: (name) => `操作: ${name}`,
    system: 'システム',
    from: '変更前',
    to: '変更後',
    slot: '予約枠',
    reason: '理由',
  },
};

const en: AppointmentMessages = {
  newTitle: 'New appointment',
  editTitle: 'Appointment details',
  fields: {
    department: 'Department',
    kiosk: 'Kiosk (where the resident goes)',
    staff: 'Staff member',
    staffNone: 'Not decided yet',
    staffHint: 'Only members of the chosen department are listed.',
    date: 'Date',
    startTime: 'Start time',
    startTimeHint: 'Japan time, e.g. 09:30',
    duration: 'Duration',
    residentName: "Resident's name",
    residentKana: 'Name reading (kana)',
    residentKanaHint: 'Katakana or hiragana',
    language: 'Preferred language',
    needs: 'Support needed',
    interpreter: 'Interpreter',
    hearingSupport: 'Hearing support',
    wheelchair: 'Wheelchair',
    other: 'Other support (describe)',
    topic: 'Topic',
    notes: 'Notes',
    notesHint: 'Staff only; never shown to the resident.',
    choose: 'Choose…',
    checkInCode: 'Check-in code',
    status: 'Status',
  },
  durationOption: (m) => (m < 60 ? `${m} min` : m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`),
  problem: problemEn,
  fixBeforeSaving: 'Some fields are missing or wrong. Fix the fields marked in red, then save.',
  conflicts: {
    checking: 'Checking for overlapping appointments…',
    none: 'No overlapping appointments.',
    heading: (n) => `This slot overlaps ${n} other appointment${n === 1 ? '' : 's'}.`,
    savedHeading: 'Not saved: it overlaps these appointments.',
    on: { kiosk: 'Same kiosk', staff: 'Same staff member' },
    advice: 'Change the start time, the kiosk or the staff member.',
    checkFailed: 'Could not check for overlaps; the server checks again when you save.',
  },
  create: 'Book',
  save: 'Save changes',
  saving: 'Saving…',
  created: 'Appointment booked.',
  updated: 'Appointment changed.',
  cancelled: 'Appointment cancelled.',
  noChanges: 'Nothing was changed.',
  locked: (status) => `This appointment is "${status}" and can no longer be changed.`,
  cancel: {
    button: 'Cancel appointment',
    title: 'Cancel this appointment?',
    message: (name, when) => `The appointment of ${name} on ${when} will be cancelled. This cannot be undone.`,
    reason: 'Reason (optional)',
    confirm: 'Cancel appointment',
    keep: 'Keep it',
  },
  printSlip: 'Print check-in slip',
  downloadIcs: 'Add to calendar (.ics)',
  downloadFailed: 'The file could not be downloaded. Try again.',
  history: {
    heading: 'History',
    empty: 'No history yet.',
    action: {
      created: 'Booked',
      updated: 'Edited',
      rescheduled: 'Rescheduled',
      cancelled: 'Cancelled',
      checked_in: 'Checked in',
      check_in_withdrawn: 'Check-in withdrawn',
      session_started: 'Consultation started',
      completed: 'Completed',
      no_show: 'No-show',
    },
    by: (name) => `By ${name}`,
    system: 'System',
    from: 'Before',
    to: 'After',
    slot: 'Slot',
    reason: 'Reason',
  },
};

export const appointmentMessages: AppointmentMessages = pick({ ja, en });
