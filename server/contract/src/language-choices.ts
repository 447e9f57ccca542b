import type { Language } from './languages';

/**
 * Each language written in itself, in the order every resident-facing page offers them (the kiosk
 * and the booking page). A file of its own, free of zod, so those pages' first load stays small.
 */
export const LANGUAGE_CHOICES: readonly { language: Language; label: string; htmlLang: string }[] = [
  { language: 'ja', label: '日本語', htmlLang: 'ja' },
  { language: 'ja-easy', label: 'やさしい日本語', htmlLang: 'ja' },
  { language: 'en', label: 'English', htmlLang: 'en' },
  { language: 'zh', label: '中文', htmlLang: 'zh-Hans' },
  { language: 'ko', label: '한국어', htmlLang: 'ko' },
  { language: 'vi', label: 'Tiếng Việt', htmlLang: 'vi' },
  { language: 'pt', label: 'Português', htmlLang: 'pt-BR' },
  { language: 'es', label: 'Español', htmlLang: 'es' },
];
