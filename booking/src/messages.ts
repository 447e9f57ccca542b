import type { AppointmentStatus } from '@madoguchi/contract/appointments';
import type { Language } from '@madoguchi/contract/languages';
import { MORE_MESSAGES } from './messages-more';

export interface BookingMessages {
  title: string;
  intro: string;
  language: string;
  steps: { department: string; topic: string; kiosk: string; time: string; you: string; confirm: string };
  next: string;
  back: string;
  hours: string;
  noTimes: string;
  laterDays: string;
  earlierDays: string;
  name: string;
  kana: string;
  email: string;
  emailHint: string;
  phone: string;
  optional: string;
  preferredLanguage: string;
  needs: string;
  interpreter: string;
  hearing: string;
  wheelchair: string;
  other: string;
  when: string;
  where: string;
  what: string;
  book: string;
  preparing: string;
  booked: string;
  code: string;
  codeHint: string;
  link: string;
  linkHint: string;
  ics: string;
  manageHeading: string;
  move: string;
  cancel: string;
  confirmCancel: string;
  keep: string;
  moved: string;
  cancelled: string;
  changeUntil: (date: string) => string;
  cannotChange: string;
  status: Record<AppointmentStatus, string>;
  errors: { slotTaken: string; rateLimited: string; invalid: string; network: string; notFound: string; kana: string; email: string; phone: string; required: string };
  nothingBookable: string;
}

const ja: BookingMessages = {
  title: 'オンライン相談の予約',
  intro: 'お近くの相談端末（キオスク）で、市役所の担当者とビデオで相談できます。予約は24時間受け付けています。',
  language: 'Language / 言語',
  steps: { department: '相談する課', topic: '相談の内容', kiosk: '相談する場所', time: '日にちと時間', you: 'お客様の情報', confirm: '予約内容の確認' },
  next: '次へ',
  back: '戻る',
  hours: '利用できる時間',
  noTimes: 'この期間に空いている時間はありません。',
  laterDays: '次の7日間',
  earlierDays: '前の7日間',
  name: 'お名前',
  kana: 'ふりがな（カタカナ）',
  email: 'メールアドレス',
  emailHint: '予約の確認とお知らせを送ります。',
  phone: '電話番号',
  optional: '任意',
  preferredLanguage: '相談で使う言語',
  needs: '必要な配慮',
  interpreter: '通訳',
  hearing: '聞こえのサポート',
  wheelchair: '車いす',
  other: 'その他',
  when: '日時',
  where: '場所',
  what: '内容',
  book: 'この内容で予約する',
  preparing: '送信しています…',
  booked: '予約しました',
  code: '受付番号',
  codeHint: '当日、相談端末で「予約があります」を押して番号を入力するか、このQRコードをカメラにかざしてください。',
  link: '予約の確認・変更・取り消し',
  linkHint: 'このリンクは他の人に教えないでください。同じリンクを確認メールでもお送りします。',
  ics: 'カレンダーに追加（.ics）',
  manageHeading: 'ご予約の内容',
  move: '日時を変更する',
  cancel: '予約を取り消す',
  confirmCancel: 'この予約を取り消します。よろしいですか？',
  keep: '取り消さない',
  moved: '日時を変更しました。',
  cancelled: '予約を取り消しました。',
  changeUntil: (date) => `${date}まで、ここで変更・取り消しができます。`,
  cannotChange: 'ここでの変更・取り消しの期限を過ぎました。市役所にお電話ください。',
  status: { scheduled: '予約済み', checked_in: '受付済み', in_session: '相談中', completed: '相談済み', cancelled: '取り消し済み', no_show: 'ご来所なし' },
  errors: {
    slotTaken: 'その時間は先に埋まりました。次の空いている時間から選んでください。',
    rateLimited: '予約の操作が多すぎます。しばらくしてからお試しいただくか、市役所にお電話ください。',
    invalid: '入力内容を確認してください。',
    network: '接続できませんでした。通信状態を確認して、もう一度お試しください。',
    notFound: 'この予約は見つかりません。リンクが無効になった可能性があります。',
    kana: 'カタカナかひらがなで入力してください。',
    email: 'メールアドレスの形式を確認してください。',
    phone: '数字とハイフンで入力してください。',
    required: '入力してください。',
  },
  nothingBookable: '現在、予約を受け付けている相談はありません。',
};

const en: BookingMessages = {
  title: 'Book a video consultation',
  intro: 'Talk by video with a city hall specialist from a consultation kiosk near you. Booking is open 24 hours.',
  language: 'Language / 言語',
  steps: { department: 'Department', topic: 'What it is about', kiosk: 'Where', time: 'Day and time', you: 'About you', confirm: 'Check your booking' },
  next: 'Next',
  back: 'Back',
  hours: 'Opening hours',
  noTimes: 'No free times in these days.',
  laterDays: 'Next 7 days',
  earlierDays: 'Previous 7 days',
  name: 'Name',
  kana: 'Name in katakana',
  email: 'E-mail address',
  emailHint: 'We send the confirmation and reminders here.',
  phone: 'Phone number',
  optional: 'optional',
  preferredLanguage: 'Language for the consultation',
  needs: 'Support you need',
  interpreter: 'Interpreter',
  hearing: 'Hearing support',
  wheelchair: 'Wheelchair',
  other: 'Other',
  when: 'When',
  where: 'Where',
  what: 'About',
  book: 'Book this time',
  preparing: 'Sending…',
  booked: 'You are booked',
  code: 'Check-in code',
  codeHint: 'On the day, press “I have a booking” on the kiosk and type this code, or hold this QR code to its camera.',
  link: 'See, change or cancel this booking',
  linkHint: 'Keep this link to yourself. We also send it in the confirmation e-mail.',
  ics: 'Add to calendar (.ics)',
  manageHeading: 'Your booking',
  move: 'Change the time',
  cancel: 'Cancel the booking',
  confirmCancel: 'Cancel this booking?',
  keep: 'Keep it',
  moved: 'The time is changed.',
  cancelled: 'The booking is cancelled.',
  changeUntil: (date) => `You can change or cancel it here until ${date}.`,
  cannotChange: 'It is too late to change it here. Please call the city hall.',
  status: { scheduled: 'Booked', checked_in: 'Checked in', in_session: 'In consultation', completed: 'Done', cancelled: 'Cancelled', no_show: 'Missed' },
  errors: {
    slotTaken: 'That time was just taken. Please choose one of the next free times.',
    rateLimited: 'Too many bookings. Please try again later or call the city hall.',
    invalid: 'Please check what you entered.',
    network: 'Could not connect. Check your connection and try again.',
    notFound: 'This booking was not found. The link may no longer be valid.',
    kana: 'Please write it in katakana or hiragana.',
    email: 'Please check the e-mail address.',
    phone: 'Digits and hyphens only.',
    required: 'Required.',
  },
  nothingBookable: 'No consultations can be booked at the moment.',
};

const ALL: Record<Language, BookingMessages> = { ja, en, ...MORE_MESSAGES };

export function messagesFor(language: Language): BookingMessages {
  return ALL[language];
}

export { LANGUAGE_CHOICES } from '@madoguchi/contract/language-choices';
