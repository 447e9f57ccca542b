import type { SettingsSection } from '../app/routes';
import { sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/shell.json';
import ja from './ja/shell.json';
import { pick } from './language';

export interface ShellMessages {
  skipToMain: string;
  nav: {
    label: string;
    console: string;
    calendar: string;
    consultations: string;
    reports: string;
    settings: string;
    audit: string;
    operations: string;
    check: string;
  };
  settingsNav: { label: string } & Record<SettingsSection, string>;
  language: { label: string; ja: string; en: string };
  /** The heading of a screen that cannot be shown, one per reason. */
  unavailableTitle: { notFound: string; notAllowed: string; pageFailed: string };
  notFound: string;
  notAllowed: string;
  goToConsole: string;
  pageFailed: string;
  /** The server runs a newer release than this page (outside a call only). */
  newRelease: { text: string; reload: string };
  changePassword: {
    heading: string;
    intro: string;
    current: string;
    next: string;
    repeat: string;
    hint: string;
    tooShort: string;
    mismatch: string;
    sameAsCurrent: string;
    wrongCurrent: string;
    submit: string;
    submitting: string;
  };
}

/** The words are in `ja/shell.json` and `en/shell.json`. */
export const shellMessages: ShellMessages = pick(sameKeysAsJapanese({ ja, en }));
