import type { Language } from '@madoguchi/contract/languages';
import { common } from '../../i18n/common-messages';

/** Names for one table cell, joined with 「、」; an empty list shows 「—」 so the cell is never blank. */
export function listText(names: readonly string[]): string {
  return names.join('、') || common.none;
}

/** Resident languages by their names in the staff app's language, e.g. 「英語、ベトナム語」. */
export function languageListText(languages: readonly Language[]): string {
  return listText(languages.map((language) => common.language[language]));
}
