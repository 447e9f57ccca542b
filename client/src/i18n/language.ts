import { bindMessages, type MessageSpec, type Texts } from '@madoguchi/contract/message-catalog';

/** Languages the staff app itself is written in (residents' languages live in @madoguchi/contract/languages). */
export const UI_LANGUAGES = ['ja', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'madoguchi.staff.language';

function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The chosen language, Japanese unless someone picked English on this PC. */
export function currentLanguage(): UiLanguage {
  try {
    const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(stored) ? stored : 'ja';
  } catch {
    return 'ja';
  }
}

/**
 * Messages are picked once when the app loads, so switching stores the choice and reloads.
 * The login token sits in sessionStorage and survives the reload.
 */
export function switchLanguage(next: UiLanguage): void {
  if (next === currentLanguage()) return;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Storage blocked: the reload below keeps Japanese, which is the safe default.
  }
  window.location.reload();
}

/** Picks this language's variant of a message set. */
export function pick<T>(variants: Record<UiLanguage, T>): T {
  return variants[currentLanguage()];
}

/**
 * This language's messages from an area's JSON files (`ja/<area>.json`, `en/<area>.json`, checked
 * by `sameKeysAsJapanese`), with the messages that take values built as `spec` says.
 */
export function localized<T>(texts: Record<UiLanguage, Texts<T>>, spec: MessageSpec<T>): T {
  return bindMessages(pick(texts), spec);
}

/** BCP 47 tag for Intl formatting in the chosen language. */
export function localeTag(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'ja-JP';
}
