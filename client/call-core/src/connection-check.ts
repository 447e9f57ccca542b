import type { CheckResults } from './check-verdict';
import { probeCamera, probeMicrophone } from './device-probes';
import { stopStream } from './local-media';
import type { MediaPathResult } from './media-check';

/** The kiosk's and the desk's call clients can run the check (a guest's cannot). */
export interface MediaPathChecker {
  checkMediaPath(protocol: 'udp' | 'tcp', track: MediaStreamTrack): Promise<MediaPathResult>;
}

export const EMPTY_CHECK: CheckResults = Object.freeze({ camera: 'pending', microphone: 'pending', speaker: 'pending', udp: null, tcp: null });

/** What the rows show besides OK / not working. */
export interface CheckDetails {
  cameraLabel: string | null;
  microphonePercent: number | null;
}

/**
 * The connection check for a kiosk or a staff PC, step by step: camera, microphone, then the
 * media server over UDP only and over TCP only (a real loopback through the SFU). The speaker is
 * left to the person at the machine. `onUpdate` gets every intermediate result.
 */
export async function runConnectionCheck(
  client: MediaPathChecker,
  onUpdate: (results: CheckResults, details: CheckDetails) => void,
): Promise<CheckResults> {
  let results: CheckResults = EMPTY_CHECK;
  const details: CheckDetails = { cameraLabel: null, microphonePercent: null };
  const update = (changes: Partial<CheckResults>): void => {
    results = { ...results, ...changes };
    onUpdate(results, { ...details });
  };
  const camera = await probeCamera();
  details.cameraLabel = camera?.label ?? null;
  update({ camera: camera ? 'ok' : 'failed' });
  const level = await probeMicrophone();
  details.microphonePercent = level;
  update({ microphone: level === null ? 'failed' : 'ok' });
  // Without a camera a painted canvas stands in, so the media port is still checked.
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 240;
  const painter = window.setInterval(() => {
    const context = canvas.getContext('2d');
    if (!context) return;
    context.fillStyle = `hsl(${Date.now() % 360} 60% 50%)`;
    context.fillRect(0, 0, canvas.width, canvas.height);
  }, 50);
  const track = camera?.stream.getVideoTracks()[0] ?? canvas.captureStream(20).getVideoTracks()[0] ?? null;
  try {
    for (const protocol of ['udp', 'tcp'] as const) {
      const failed = (error: unknown): MediaPathResult => ({ protocol, ok: false, rttMs: null, kbps: null, error: String(error) });
      const result = track ? await client.checkMediaPath(protocol, track).catch(failed) : failed('no video track');
      update({ [protocol]: result });
    }
  } finally {
    window.clearInterval(painter);
    stopStream(camera?.stream ?? null);
    track?.stop();
  }
  return results;
}
