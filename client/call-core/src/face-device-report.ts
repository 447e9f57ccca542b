import type { CallSnapshot } from './call-types';
import { createLogger } from './logger';

const logger = createLogger('face-device-report');

export type FaceDevice = 'camera' | 'microphone';

/** Which of the face camera and the microphone the call is sending without. */
export function missingFaceDevices(stream: MediaStream | null): FaceDevice[] {
  const live = (tracks: MediaStreamTrack[] | undefined): boolean => (tracks ?? []).some((track) => track.readyState === 'live');
  const missing: FaceDevice[] = [];
  if (!live(stream?.getVideoTracks())) missing.push('camera');
  if (!live(stream?.getAudioTracks())) missing.push('microphone');
  return missing;
}

const kindOf = (track: MediaStreamTrack): FaceDevice => (track.kind === 'video' ? 'camera' : 'microphone');

/** What the reporter needs of a call client (the kiosk's or the desk's). */
export interface FaceDeviceCall {
  getSnapshot(): Pick<CallSnapshot, 'call' | 'callState' | 'localStream'>;
  on(event: 'changed', listener: () => void): () => void;
}

/**
 * Tells the other side when this side's camera or microphone is missing from the call: not
 * there when the call starts (no device, permission denied), or gone mid-call (unplugged: the
 * browser ends its track and fires `ended`, which a track the page stops itself at hang-up does
 * not, so a call's normal end reports nothing). Without this the other side shows 「…の映像を待って
 * います…」 for ever. The server also writes it on the consultation's record. Each device is
 * reported once per call. Used by the kiosk and by the desk.
 */
export function reportMissingFaceDevices(call: FaceDeviceCall, send: (consultationId: string, device: FaceDevice) => Promise<unknown>): () => void {
  let reported = new Set<FaceDevice>();
  let lost = new Set<FaceDevice>();
  let consultationId: string | null = null;
  let watched: MediaStream | null = null;
  const onTrackEnded = (event: Event): void => {
    lost.add(kindOf(event.target as MediaStreamTrack));
    check();
  };

  const report = (id: string, device: FaceDevice): void => {
    reported.add(device);
    logger.warn('face device missing from the call', { device });
    send(id, device).catch((error: unknown) => logger.warn('device problem not reported', { device, error }));
  };

  const watch = (stream: MediaStream | null): void => {
    if (stream === watched) return;
    for (const track of watched?.getTracks() ?? []) track.removeEventListener('ended', onTrackEnded);
    watched = stream;
    for (const track of stream?.getTracks() ?? []) track.addEventListener('ended', onTrackEnded);
  };

  function check(): void {
    const snapshot = call.getSnapshot();
    const id = snapshot.call?.consultationId ?? null;
    if (id !== consultationId) {
      consultationId = id;
      reported = new Set();
      lost = new Set();
    }
    watch(snapshot.localStream);
    // Only once in the call: while waiting the media may still be opening.
    if (!id || snapshot.callState !== 'inCall') return;
    const tracks = snapshot.localStream?.getTracks() ?? [];
    const absent = (['camera', 'microphone'] as const).filter((device) => !tracks.some((track) => kindOf(track) === device));
    for (const device of new Set([...absent, ...lost])) if (!reported.has(device)) report(id, device);
  }

  const off = [call.on('changed', () => check())];
  return () => {
    watch(null);
    for (const unsubscribe of off) unsubscribe();
  };
}
