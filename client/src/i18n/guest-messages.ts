import { sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/guest.json';
import ja from './ja/guest.json';
import { pick } from './language';

export interface GuestMessages {
  title: string;
  lead: string;
  connecting: string;
  joined: string;
  left: string;
  ended: string;
  failed: string;
  badLink: string;
  leave: string;
  /**
   * The guest's own camera or microphone is missing from the call: which (camera, microphone,
   * both), why and what to do (denied, notFound, unusable), and that they still see and hear it.
   */
  devices: { camera: string; microphone: string; both: string; denied: string; notFound: string; unusable: string; stillIn: string };
  selfView: string;
  messagesTitle: string;
  noMessages: string;
  you: string;
  sources: { kioskCamera: string; staffCamera: string; document: string; screen: string; other: string; self: string };
  /** The server runs a newer release than this page: offered before joining (or after a failed join), never in the call. */
  newRelease: { text: string; reload: string };
}

/** The words are in `ja/guest.json` and `en/guest.json`. */
export const guestMessages: GuestMessages = pick(sameKeysAsJapanese({ ja, en }));
