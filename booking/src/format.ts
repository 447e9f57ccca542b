import type { OpeningInterval } from '@madoguchi/contract/booking';
import type { Language } from '@madoguchi/contract/languages';

const LOCALE: Record<Language, string> = { ja: 'ja-JP', 'ja-easy': 'ja-JP', en: 'en-GB', zh: 'zh-CN', ko: 'ko-KR', vi: 'vi-VN', pt: 'pt-BR', es: 'es-ES' };
const TZ = 'Asia/Tokyo';

export const localeOf = (language: Language): string => LOCALE[language];

/** A Japan calendar day (YYYY-MM-DD) with its weekday, e.g. 4月2日(火). */
export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { timeZone: TZ, month: 'long', day: 'numeric', weekday: 'short' }).format(new Date(`${day}T12:00:00+09:00`));
}

export function formatTime(instant: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

export function formatDateTime(instant: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { timeZone: TZ, year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/** 月 09:00–17:00 / 土 09:00–12:00 … (weekday names in the page's language; 2030-04-01 is a Monday). */
export function formatHours(hours: OpeningInterval[], language: Language): string {
  const weekday = new Intl.DateTimeFormat(LOCALE[language], { timeZone: TZ, weekday: 'short' });
  return [...hours]
    .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))
    .map((h) => `${weekday.format(new Date(Date.UTC(2030, 3, h.weekday, 3)))} ${h.opens}–${h.closes}`)
    .join(' / ');
}

export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
}
