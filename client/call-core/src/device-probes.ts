import { createLogger } from './logger';

const logger = createLogger('device-probes');

/** How long a camera may take to show its first frame. */
const FRAME_TIMEOUT_MS = 5_000;
/** How long the microphone is listened to. */
const LISTEN_MS = 1_500;

/** Opens the default camera and waits for a frame; resolves with its label, or null if none came. */
export async function probeCamera(): Promise<{ stream: MediaStream; label: string } | null> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
    const track = stream.getVideoTracks()[0];
    const video = document.createElement('video');
    video.muted = true;
    // Chromium does not decode frames for a <video> that is not in the document.
    video.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:2px;opacity:0;pointer-events:none';
    document.body.append(video);
    video.srcObject = stream;
    // Not awaited: a detached element may never settle play() in some browsers; its size is enough.
    void video.play().catch(() => undefined);
    const deadline = Date.now() + FRAME_TIMEOUT_MS;
    while (video.videoWidth === 0 && Date.now() < deadline) await new Promise((resolve) => window.setTimeout(resolve, 100));
    const width = video.videoWidth;
    video.srcObject = null;
    video.remove();
    if (!track || width === 0) {
      for (const t of stream.getTracks()) t.stop();
      return null;
    }
    return { stream, label: track.label };
  } catch (error) {
    logger.warn('camera not opened', { error });
    return null;
  }
}

/** Listens to the default microphone; resolves with the peak level in percent, or null if it cannot be opened. */
export async function probeMicrophone(): Promise<number | null> {
  let stream: MediaStream | null = null;
  const context = new AudioContext();
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let peak = 0;
    const deadline = Date.now() + LISTEN_MS;
    while (Date.now() < deadline) {
      analyser.getFloatTimeDomainData(samples);
      for (const value of samples) peak = Math.max(peak, Math.abs(value));
      await new Promise((resolve) => window.setTimeout(resolve, 50));
    }
    return stream.getAudioTracks()[0]?.readyState === 'live' ? Math.min(100, Math.round(peak * 100)) : null;
  } catch {
    return null;
  } finally {
    for (const track of stream?.getTracks() ?? []) track.stop();
    void context.close();
  }
}

/** One second of a 440 Hz tone on the default output, for the speaker test. */
export async function playTestTone(): Promise<void> {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  gain.gain.value = 0.2;
  oscillator.frequency.value = 440;
  oscillator.connect(gain).connect(context.destination);
  oscillator.start();
  await new Promise((resolve) => window.setTimeout(resolve, 1_000));
  oscillator.stop();
  await context.close();
}
