import type { CallState, ConnectionState, MediaStatus } from '@madoguchi/call-core/call-types';
import type { IceProtocol } from '@madoguchi/contract/media-types';
import type { Messages } from '../../i18n/messages';
import { mediaPathMessages } from '../../i18n/media-path-messages';

export interface CallStatusInput {
  connection: ConnectionState;
  callState: CallState;
  media: MediaStatus;
  hasRemoteVideo: boolean;
  /** The resident's side dropped out of the room during this call. */
  peerGone: boolean;
  /** `tcp`: UDP carried no media and the transports are being made again over TCP. */
  iceProtocol: IceProtocol;
}

/** The one line that tells the specialist what the call is doing right now. */
export function describeCallStatus(input: CallStatusInput, texts: Messages['call']): { text: string; tone: 'info' | 'warning' } {
  const { connection, callState, media, hasRemoteVideo, peerGone, iceProtocol } = input;
  if (connection !== 'connected') return { text: texts.serverReconnecting, tone: 'warning' };
  if (callState !== 'inCall') return { text: texts.joining, tone: 'info' };
  if (peerGone) return { text: texts.peerLeft, tone: 'warning' };
  if (iceProtocol === 'tcp' && media.recv !== 'connected') return { text: mediaPathMessages.tryingTcp, tone: 'warning' };
  if (media.send === 'failed' || media.recv === 'failed') return { text: texts.reconnectingMedia, tone: 'warning' };
  if (media.send === 'disconnected' || media.recv === 'disconnected') return { text: texts.unstable, tone: 'warning' };
  if (!hasRemoteVideo) return { text: texts.waitingForVideo, tone: 'info' };
  if (media.recv !== 'connected') return { text: texts.connectingMedia, tone: 'info' };
  return { text: texts.inCall, tone: 'info' };
}
