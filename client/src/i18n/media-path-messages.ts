import type { MediaPathInfo, PeerRole } from '@madoguchi/contract/media-types';
import { fill, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/media-path.json';
import ja from './ja/media-path.json';
import { localized } from './language';

/** What staff are told when a call's media does not get through, and what to ask IT for. */
export interface MediaPathMessages {
  /** While the call's transports are made again over TCP. */
  tryingTcp: string;
  /** This PC's media could not reach the server over UDP nor TCP. */
  thisPcBlocked: (ports: string) => string;
  /** The kiosk's could not; this PC was fine. */
  kioskBlocked: (ports: string) => string;
  /** Who failed is unknown (the server could not be asked). */
  unknown: (ports: string) => string;
  /** "UDP and TCP port 40000 at 192.0.2.10" for the sentence above. */
  ports: (path: MediaPathInfo | null) => string;
}

const portRange = (path: MediaPathInfo): string =>
  path.firstPort === 0 ? '' : path.firstPort === path.lastPort ? String(path.firstPort) : `${path.firstPort}–${path.lastPort}`;

/** The words are in `ja/media-path.json` and `en/media-path.json`. */
export const mediaPathMessages: MediaPathMessages = localized<MediaPathMessages>(sameKeysAsJapanese({ ja, en }), {
  thisPcBlocked: ['ports'],
  kioskBlocked: ['ports'],
  unknown: ['ports'],
  ports: (text: { known: string; unknown: string }, path) => (path ? fill(text.known, { address: path.address, ports: portRange(path) }) : text.unknown),
});

/** The notice for a call that ended as media_failed, naming this PC when its own media was the one blocked. */
export function describeMediaFailure(failedRoles: readonly PeerRole[], path: MediaPathInfo | null): string {
  const ports = mediaPathMessages.ports(path);
  if (failedRoles.includes('staff')) return mediaPathMessages.thisPcBlocked(ports);
  if (failedRoles.includes('kiosk')) return mediaPathMessages.kioskBlocked(ports);
  return mediaPathMessages.unknown(ports);
}
