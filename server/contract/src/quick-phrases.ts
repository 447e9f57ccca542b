import { z } from './zod';
import type { Language } from './languages';

const phraseText = z.string().trim().min(1).max(200);
const translation = z.string().trim().max(200).optional();

/**
 * A quick phrase in Japanese (what staff see and press) and in the kiosk's other languages (what
 * a resident who chose one of them reads). A missing translation is shown in Japanese, marked.
 */
export const QuickPhraseTexts = z
  .object({ ja: phraseText, 'ja-easy': translation, en: translation, zh: translation, ko: translation, vi: translation, pt: translation, es: translation })
  .strict();
export type QuickPhraseTexts = { ja: string } & Partial<Record<Exclude<Language, 'ja'>, string>>;

export const CreateQuickPhraseRequest = z.object({ texts: QuickPhraseTexts }).strict();
export type CreateQuickPhraseRequest = z.input<typeof CreateQuickPhraseRequest>;

export interface QuickPhrase {
  id: string;
  texts: QuickPhraseTexts;
}

export { phraseIn } from './phrase-text';
