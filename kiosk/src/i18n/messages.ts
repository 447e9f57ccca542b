import type { EndReason } from '@madoguchi/contract/consultation';
import { LANGUAGE_CHOICES } from '@madoguchi/contract/language-choices';
import type { Language } from '@madoguchi/contract/languages';
import { bindLanguages, fill, sameKeysAsJapanese, type MessageSpec } from '@madoguchi/contract/message-catalog';
import en from './en/kiosk.json';
import es from './es/kiosk.json';
import jaEasy from './ja-easy/kiosk.json';
import ja from './ja/kiosk.json';
import ko from './ko/kiosk.json';
import { clockFormats, type KioskMessages } from './kiosk-messages';
import pt from './pt/kiosk.json';
import vi from './vi/kiosk.json';
import zh from './zh/kiosk.json';

export type { KioskMessages } from './kiosk-messages';

/** Japanese is the default; every kiosk starts and returns to it. */
export const DEFAULT_LANGUAGE: Language = 'ja';

/** How the waiting screen's reassurance reads for each number of people ahead (null: not known). */
interface AheadTexts {
  unknown: string;
  next: string;
  one: string;
  other: string;
}

/** The messages that take values; the words themselves are in `<language>/kiosk.json`. */
const SPEC: MessageSpec<KioskMessages> = {
  waiting: {
    resident: ['name'],
    // Plain Japanese says how many are ahead, the others the place in the queue.
    position: (text: string, position) => fill(text, { position, ahead: position - 1 }),
    estimate: ['minutes'],
    reassure: (text: AheadTexts, minutes, ahead) =>
      fill(ahead === null ? text.unknown : ahead === 0 ? text.next : ahead === 1 ? text.one : text.other, { minutes, ahead }),
    phone: ['phone'],
    hours: ['hours'],
  },
  bookHere: { timeTitle: ['day'], when: ['date', 'time'] },
  inCall: { staffName: ['name'], guestJoined: ['who'] },
  // Only the reasons a resident needs told have a sentence; the others show none.
  ended: { reason: (text: Partial<Record<EndReason, string>>, reason) => text[reason] ?? null },
  install: {
    microphoneLevel: (text: { none: string; level: string }, percent) => (percent === null ? text.none : fill(text.level, { percent })),
  },
  check: { path: ['rttMs', 'kbps'], verdict: { tcpOnly: ['ports'], noMedia: ['ports'] }, ports: ['address', 'ports'] },
  // The JSON names the locale whose date and time formats the clock uses.
  clock: {
    date: (locale: string, date) => clockFormats(locale).date.format(date),
    time: (locale: string, date) => clockFormats(locale).time.format(date),
  },
  idleWarning: { lead: ['seconds'] },
  transferred: ['department'],
};

const MESSAGES: Record<Language, KioskMessages> = bindLanguages<KioskMessages, Language>(
  sameKeysAsJapanese({ ja, 'ja-easy': jaEasy, en, zh, ko, vi, pt, es }),
  SPEC,
);

export { LANGUAGE_CHOICES } from '@madoguchi/contract/language-choices';

export function messagesFor(language: Language): KioskMessages {
  return MESSAGES[language];
}

/** The `lang` attribute for the page, so screen readers and fonts pick the right language. */
export function htmlLangFor(language: Language): string {
  return LANGUAGE_CHOICES.find((choice) => choice.language === language)?.htmlLang ?? 'ja';
}
