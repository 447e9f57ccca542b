import type { CallState, ConnectionState, MediaStatus } from '@media/call-session-types';
import type { Messages } from '../../i18n/messages';

export interface CallStatusInput {
  connection: ConnectionState;
  callState: CallState;
  media: MediaStatus;
  hasRemoteVideo: boolean;
  /** The resident's side dropped out of the room during this call. */
  peerGone: boolean;
}

/** The one line that tells the specialist what the call is doing right now. */
export function describeCallStatus(input: CallStatusInput, texts: Messages['call']): { text: string; tone: 'info' | 'warning' } {
  const { connection, callState, media, hasRemoteVideo, peerGone } = input;
  if (connection !== 'connected') return { text: texts.serverReconnecting, tone: 'warning' };
  if (callState !== 'inCall') return { text: texts.joining, tone: 'info' };
  if (peerGone) return { text: texts.peerLeft, tone: 'warning' };
  if (media.send === 'failed' || media.recv === 'failed') return { text: texts.reconnectingMedia, tone: 'warning' };
  if (media.send === 'disconnected' || media.recv === 'disconnected') return { text: texts.unstable, tone: 'warning' };
  if (!hasRemoteVideo) return { text: texts.waitingForVideo, tone: 'info' };
  if (media.recv !== 'connected') return { text: texts.connectingMedia, tone: 'info' };
  return { text: texts.inCall, tone: 'info' };
}
