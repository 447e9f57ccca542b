import type { Language } from '@madoguchi/contract/languages';
import type { KioskProfile, KioskTokenResponse } from '@madoguchi/contract/rest';
import type { CallClientOptions, CallSnapshot } from '@madoguchi/call-core/call-types';
import type { KioskConfig } from '../device/kiosk-config-api';
import type { FormReview } from './form-review-state';
import type { InCallExtrasSnapshot } from './in-call-extras';
import type { KioskState } from './kiosk-state';
import type { KioskTimings } from './state-timeouts';

export interface KioskSnapshot {
  state: KioskState;
  /** The resident's language; back to Japanese whenever the kiosk returns to Idle on its own. */
  language: Language;
  kiosk: KioskProfile | null;
  /** Departments and camera roles from the server; null until (or if never) loaded. */
  config: KioskConfig | null;
  /** The call core's view: connection, local and remote media. */
  call: CallSnapshot | null;
  /** Document camera, pointer marks, staff messages and snapshot consent of the call in progress. */
  extras: InCallExtrasSnapshot;
  /** The form staff show for checking and signing, in the call; null when there is none. */
  forms: FormReview | null;
  /** 「続けますか？」 is showing and runs out at this time (ms since the epoch). */
  idleWarningEndsAt: number | null;
}

export type KioskControllerEvents = {
  changed: [KioskSnapshot];
  stateChanged: [KioskState, KioskState];
};

/**
 * What the controller talks to. The page uses the defaults (fetch and Socket.IO to its own
 * origin); unit tests hand in the fake signalling server's sockets and a FakeHandler Device.
 */
export interface KioskConnections {
  exchangeCredential?: (credential: string) => Promise<KioskTokenResponse>;
  fetchConfig?: (token: string) => Promise<KioskConfig>;
  call?: Pick<CallClientOptions, 'createSocket' | 'createDevice' | 'acquireMedia' | 'requestTimeoutMs'>;
  /** Reloads the page for a new server release (default location.reload). */
  reload?: () => void;
}

export interface KioskControllerOptions extends Partial<KioskTimings> {
  credential: string | null;
  /** `#pair`: show the pairing screen even with a stored credential. */
  forcePairing?: boolean;
  connections?: KioskConnections;
}
