import { z } from './zod';

/** Languages the kiosk offers and staff can speak. `ja-easy` is やさしい日本語. */
export const LANGUAGES = ['ja', 'ja-easy', 'en', 'zh', 'ko', 'vi', 'pt', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LanguageSchema = z.enum(LANGUAGES);

/** Every timestamp shown to people is in Japan time, whatever the host's zone. */
export const DISPLAY_TIME_ZONE = 'Asia/Tokyo';
