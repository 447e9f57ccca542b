import { fill, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/installer.json';
import ja from './ja/installer.json';
import { localized } from './language';

/** The admin side of the kiosk's installer mode: a one-time code to open it on the kiosk. */
export interface InstallerMessages {
  buttonShort: string;
  button: (kioskName: string) => string;
  title: string;
  intro: (kioskName: string) => string;
  steps: (url: string) => string[];
  code: string;
  expires: (when: string) => string;
  warning: string;
  done: string;
  failed: string;
}

/** The words are in `ja/installer.json` and `en/installer.json`. */
export const installerMessages: InstallerMessages = localized<InstallerMessages>(sameKeysAsJapanese({ ja, en }), {
  button: ['name'],
  intro: ['name'],
  steps: (text: readonly string[], url) => text.map((step) => fill(step, { url })),
  expires: ['when'],
});
