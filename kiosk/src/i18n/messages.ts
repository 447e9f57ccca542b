import { LANGUAGE_CHOICES } from '@madoguchi/contract/language-choices';
import type { Language } from '@madoguchi/contract/languages';
import type { KioskMessages } from './kiosk-messages';
import { kioskEn } from './messages-en';
import { kioskEs } from './messages-es';
import { kioskJa } from './messages-ja';
import { kioskJaEasy } from './messages-ja-easy';
import { kioskKo } from './messages-ko';
import { kioskPt } from './messages-pt';
import { kioskVi } from './messages-vi';
import { kioskZh } from './messages-zh';

export type { KioskMessages } from './kiosk-messages';

/** Japanese is the default; every kiosk starts and returns to it. */
export const DEFAULT_LANGUAGE: Language = 'ja';

const MESSAGES: Record<Language, KioskMessages> = {
  ja: kioskJa,
  'ja-easy': kioskJaEasy,
  en: kioskEn,
  zh: kioskZh,
  ko: kioskKo,
  vi: kioskVi,
  pt: kioskPt,
  es: kioskEs,
};

export { LANGUAGE_CHOICES } from '@madoguchi/contract/language-choices';

export function messagesFor(language: Language): KioskMessages {
  return MESSAGES[language];
}

/** The `lang` attribute for the page, so screen readers and fonts pick the right language. */
export function htmlLangFor(language: Language): string {
  return LANGUAGE_CHOICES.find((choice) => choice.language === language)?.htmlLang ?? 'ja';
}
