import type { CallSnapshot } from '@madoguchi/call-core/call-types';
import type { KioskMessages } from '../i18n/messages';

/** The one status line on the in-call screen, in words a resident understands. */
export function describeCallStatus(call: CallSnapshot | null, texts: KioskMessages['inCall'], deskMissing: readonly string[] = []): string {
  // Said before anything else: the frozen picture is explained, and the call is not over.
  if (call?.failover) return texts.switchingServer;
  if (!call || call.connection !== 'connected') return texts.reconnecting;
  if (call.callState !== 'inCall') return texts.connecting;
  const { send, recv } = call.media;
  if (send === 'failed' || recv === 'failed') return texts.reconnecting;
  if (send === 'disconnected' || recv === 'disconnected') return texts.unstable;
  // No picture will come: the specialist's desk has no camera (it said so).
  if (!call.remoteTracks.some((track) => track.kind === 'video')) return deskMissing.includes('camera') ? texts.staffNoCamera : texts.waitingForVideo;
  if (recv !== 'connected') return texts.connecting;
  return texts.inCall;
}
