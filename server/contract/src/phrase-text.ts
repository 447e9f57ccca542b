import type { Language } from './languages';

/**
 * The text a resident reads: the phrase in their language, or null when it has none (free text
 * too). Apart from quick-phrases.ts, whose zod schemas the kiosk's first load need not carry.
 */
export function phraseIn(translations: Partial<Record<Language, string>> | null, language: Language): string | null {
  const text = translations?.[language];
  return text ? text : null;
}
