import { fill, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/kiosk.json';
import ja from './ja/kiosk.json';
import { localized } from './language';

export interface KioskMessages {
  heading: string;
  register: string;
  registerTitle: string;
  editTitle: string;
  caption: string;
  columns: { name: string; location: string; status: string; heartbeat: string; pairing: string; actions: string };
  never: string;
  paired: string;
  notPaired: string;
  revoked: string;
  pairingUntil: (time: string) => string;
  edit: (name: string) => string;
  newCodeShort: string;
  newCode: (name: string) => string;
  revoke: (name: string) => string;
  confirmNewCode: { title: string; message: (name: string) => string; confirm: string };
  confirmRevoke: { title: string; message: (name: string) => string; confirm: string };
  fields: {
    name: string;
    nameRequired: string;
    location: string;
    locationHint: string;
    locationRequired: string;
    address: string;
    addressHint: string;
    cameras: string;
    faceCamera: string;
    documentCamera: string;
    cameraHint: string;
  };
  pairing: {
    title: string;
    intro: (name: string) => string;
    code: string;
    expires: (when: string) => string;
    steps: (url: string) => string[];
    warning: string;
    done: string;
  };
  registered: string;
  saved: string;
  revokedDone: string;
  empty: string;
  autoRefresh: string;
}

/** The words are in `ja/kiosk.json` and `en/kiosk.json`. */
export const kioskMessages: KioskMessages = localized<KioskMessages>(sameKeysAsJapanese({ ja, en }), {
  pairingUntil: ['time'],
  edit: ['name'],
  newCode: ['name'],
  revoke: ['name'],
  confirmNewCode: { message: ['name'] },
  confirmRevoke: { message: ['name'] },
  pairing: { intro: ['name'], expires: ['when'], steps: (text: readonly string[], url) => text.map((step) => fill(step, { url })) },
});
