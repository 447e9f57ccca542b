import type { EndReason } from '@madoguchi/contract/consultation';
import { fill, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import { common } from './common-messages';
import en from './en/messages.json';
import jaCommon from './ja/common.json';
import ja from './ja/messages.json';
import { localized } from './language';

/** Every string the staff app shows. Another language is one more object of this type. */
export interface Messages {
  appTitle: string;
  login: {
    heading: string;
    loginId: string;
    password: string;
    submit: string;
    submitting: string;
    invalidCredentials: string;
    rateLimited: string;
    unavailable: string;
    sessionExpired: string;
    resuming: string;
  };
  header: { signedInAs: (name: string) => string; logout: string };
  connection: {
    connecting: string;
    reconnecting: string;
    failed: string;
    connected: string;
  };
  queue: {
    heading: string;
    empty: string;
    waitingFor: (elapsedSeconds: number) => string;
    place: string;
    booked: string;
    walkIn: string;
    generalCounter: string;
    language: (code: string) => string;
    needs: { interpreter: string; hearingSupport: string; wheelchair: string };
    answer: string;
    alreadyTaken: string;
    acceptFailed: string;
  };
  call: {
    heading: (kioskName: string) => string;
    location: (place: string) => string;
    residentVideo: string;
    selfView: string;
    hangUp: string;
    joining: string;
    waitingForVideo: string;
    connectingMedia: string;
    unstable: string;
    reconnectingMedia: string;
    inCall: string;
    peerJoined: string;
    peerLeft: string;
    serverReconnecting: string;
    /** The server node carrying the call stopped and the call is moving to another one. */
    failover: { holderStopped: string; ownStopped: string; countdown: (seconds: number) => string; closing: string };
    noLocalMedia: string;
    ended: (reason: EndReason) => string;
  };
}

/** The words are in `ja/messages.json` and `en/messages.json`. */
/** A resident's language by name (英語, やさしい日本語…) in the staff app's language. */
export const languageName = (code: string): string => (common.language as Partial<Record<string, string>>)[code] ?? code;

/** The same in Japanese whatever the staff app's language: an application form is a Japanese document. */
export const languageNameJa = (code: string): string => (jaCommon.language as Partial<Record<string, string>>)[code] ?? code;

export const messages: Messages = localized<Messages>(sameKeysAsJapanese({ ja, en }), {
  header: { signedInAs: ['name'] },
  queue: {
    waitingFor: (text: { text: string; minutes: string; seconds: string }, elapsedSeconds) => {
      const seconds = Math.max(0, Math.floor(elapsedSeconds));
      const minutes = Math.floor(seconds / 60);
      const rest = seconds % 60;
      const wait = minutes > 0 ? fill(text.minutes, { minutes, seconds: rest, seconds2: String(rest).padStart(2, '0') }) : fill(text.seconds, { seconds });
      return fill(text.text, { wait });
    },
    language: (text: string, code) => fill(text, { language: languageName(code) }),
  },
  call: { heading: ['kioskName'], location: ['place'], failover: { countdown: ['seconds'] }, ended: (text: Record<EndReason, string>, reason) => text[reason] },
});
