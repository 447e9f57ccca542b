import type { Language } from '@madoguchi/contract/languages';
import { bindLanguages, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/form.json';
import es from './es/form.json';
import jaEasy from './ja-easy/form.json';
import ja from './ja/form.json';
import ko from './ko/form.json';
import pt from './pt/form.json';
import vi from './vi/form.json';
import zh from './zh/form.json';

/** The form at the kiosk (書かない窓口), in every kiosk language; the form's own labels come from its template. */
export interface KioskFormMessages {
  lead: string;
  page: (page: number, pages: number) => string;
  wrong: string;
  next: string;
  previous: string;
  toSign: string;
  refuse: string;
  refuseQuestion: string;
  refuseYes: string;
  refuseNo: string;
  correctionSent: string;
  signTitle: string;
  signBox: string;
  clear: string;
  submit: string;
  back: string;
  submitting: string;
  signed: string;
  print: string;
  close: string;
  refused: string;
  stale: string;
  failed: string;
  yes: string;
  empty: string;
}

/** The words are in `<language>/form.json`; only the page counter takes values. */
export const KIOSK_FORM_MESSAGES: Record<Language, KioskFormMessages> = bindLanguages<KioskFormMessages, Language>(
  sameKeysAsJapanese({ ja, 'ja-easy': jaEasy, en, zh, ko, vi, pt, es }),
  { page: ['page', 'pages'] },
);
