import type { MediaPathInfo, PeerRole } from '@madoguchi/contract/media-types';
import { pick } from './language';

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

const mediaPathJa: MediaPathMessages = {
  tryingTcp: 'UDPで映像が届かないため、TCPで接続し直しています…',
  thisPcBlocked: (ports) =>
    `映像・音声がつながらないため、通話を終了しました。このPCからメディアサーバー（${ports}）に接続できません。` +
    `IT担当者に「このPCからサーバーの${ports}への通信を許可してください」と依頼してください。住民の方にはお電話でご連絡ください（端末には「職員からお電話します」と表示しています）。`,
  kioskBlocked: (ports) =>
    `端末側で映像・音声がつながらないため、通話を終了しました。端末の回線からメディアサーバー（${ports}）に届いていません。` +
    `住民の方にはお電話でご連絡ください（端末には「職員からお電話します」と表示しています）。端末の設置場所のIT担当者に、${ports}への通信の許可を確認してください。`,
  unknown: (ports) =>
    `映像・音声がつながらないため、通話を終了しました。メディアサーバー（${ports}）への通信がどこかで止められています。住民の方にはお電話でご連絡ください。`,
  ports: (path) => (path ? `${path.address} の UDP と TCP のポート ${portRange(path)}` : 'UDP と TCP のメディアポート'),
};

const mediaPathEn: MediaPathMessages = {
  tryingTcp: 'No video over UDP; reconnecting over TCP…',
  thisPcBlocked: (ports) =>
    `The call ended because no video or sound got through: this PC cannot reach the media server (${ports}). ` +
    `Ask IT to allow this PC to reach ${ports}. Please phone the resident (the kiosk tells them staff will call).`,
  kioskBlocked: (ports) =>
    `The call ended because the kiosk's video and sound did not get through: its network cannot reach the media server (${ports}). ` +
    `Please phone the resident (the kiosk tells them staff will call) and ask IT at the kiosk's site to allow ${ports}.`,
  unknown: (ports) =>
    `The call ended because no video or sound got through: traffic to the media server (${ports}) is blocked somewhere. Please phone the resident.`,
  ports: (path) => (path ? `UDP and TCP port ${portRange(path)} at ${path.address}` : 'the UDP and TCP media ports'),
};

export const mediaPathMessages: MediaPathMessages = pick({ ja: mediaPathJa, en: mediaPathEn });

/** The notice for a call that ended as media_failed, naming this PC when its own media was the one blocked. */
export function describeMediaFailure(failedRoles: readonly PeerRole[], path: MediaPathInfo | null): string {
  const ports = mediaPathMessages.ports(path);
  if (failedRoles.includes('staff')) return mediaPathMessages.thisPcBlocked(ports);
  if (failedRoles.includes('kiosk')) return mediaPathMessages.kioskBlocked(ports);
  return mediaPathMessages.unknown(ports);
}
