import type { AppointmentStatus } from '@madoguchi/contract/appointments';
import type { Language } from '@madoguchi/contract/languages';
import { bindLanguages, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './i18n/en/booking.json';
import es from './i18n/es/booking.json';
import jaEasy from './i18n/ja-easy/booking.json';
import ja from './i18n/ja/booking.json';
import ko from './i18n/ko/booking.json';
import pt from './i18n/pt/booking.json';
import vi from './i18n/vi/booking.json';
import zh from './i18n/zh/booking.json';

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
  /** The server runs a newer release than this page: offered, never forced (a resident may be typing). */
  newRelease: { text: string; reload: string };
}

/** The words are in `i18n/<language>/booking.json`; only the change deadline takes a value. */
const ALL: Record<Language, BookingMessages> = bindLanguages<BookingMessages, Language>(
  sameKeysAsJapanese({ ja, 'ja-easy': jaEasy, en, zh, ko, vi, pt, es }),
  { changeUntil: ['date'] },
);

export function messagesFor(language: Language): BookingMessages {
  return ALL[language];
}

export { LANGUAGE_CHOICES } from '@madoguchi/contract/language-choices';
