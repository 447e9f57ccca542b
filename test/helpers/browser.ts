import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags that work headless on this machine; without the loopback one ICE never connects. */
export const chromiumArgs = (extra: string[] = []): string[] => [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream=fps=30',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  ...extra,
];

/**
 * Every RTCPeerConnection the page creates, for getStats (openBrowser installs it; a Firefox
 * page gets it through puppeteer). Plain JavaScript on purpose: tsx compiles functions with
 * esbuild's keepNames, whose `__name` helper does not exist inside the page.
 */
export const RECORD_PEER_CONNECTIONS = `
  (() => {
    const Native = window.RTCPeerConnection;
    const seen = [];
    window.__peerConnections = seen;
    window.RTCPeerConnection = class extends Native {
      constructor(configuration) {
        super(configuration);
        seen.push(this);
      }
    };
  })();
`;

/** Three fake cameras: fake_device_0 is the face, fake_device_2 the document (fake_device_1 is a depth camera whose frames come out empty). */
export const THREE_FAKE_CAMERAS = '--use-fake-device-for-media-stream=device-count=3,fps=30';

// Plain JavaScript for the same reason as RECORD_PEER_CONNECTIONS.
const FAKE_CAMERA_IDS = `
  (async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    stream.getTracks().forEach((t) => t.stop());
    const devices = await navigator.mediaDevices.enumerateDevices();
    const id = (label) => (devices.find((d) => d.kind === 'videoinput' && d.label.includes(label)) || {}).deviceId || null;
    return { face: id('fake_device_0'), document: id('fake_device_2') };
  })()
`;

/** The device ids of the face and the document camera in a browser opened with THREE_FAKE_CAMERAS (labels show once a camera was granted). */
export async function fakeCameraIds(page: Page): Promise<{ face: string | null; document: string | null }> {
  return (await page.evaluate(FAKE_CAMERA_IDS)) as { face: string | null; document: string | null };
}

export interface BrowserHandle {
  context: BrowserContext;
  page: Page;
  /** The profile folder; bench:kiosk finds the browser's processes by it. */
  profile: string;
  close(): Promise<void>;
}

/**
 * A Chromium profile of its own (kiosk and staff never share storage). Every
 * RTCPeerConnection the page creates is remembered so the test can read getStats().
 */
export async function openBrowser(options: { extraArgs?: string[]; initScripts?: string[] } = {}): Promise<BrowserHandle> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(options.extraArgs),
    viewport: { width: 1280, height: 800 },
    locale: 'ja-JP',
  });
  await context.addInitScript({ content: RECORD_PEER_CONNECTIONS });
  for (const content of options.initScripts ?? []) await context.addInitScript({ content });
  // Init scripts apply to pages opened after them; the persistent context's first tab predates them.
  const page = await context.newPage();
  for (const early of context.pages()) if (early !== page) await early.close();
  return {
    context,
    page,
    profile,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface InboundMedia {
  videoFramesDecoded: number;
  videoWidth: number;
  videoHeight: number;
  audioPacketsReceived: number;
  dtlsStates: string[];
  srtpCiphers: string[];
}

/** Sums inbound RTP over every peer connection of the page. */
export async function readInboundMedia(page: Page): Promise<InboundMedia> {
  return page.evaluate(async () => {
    const connections = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    const result = { videoFramesDecoded: 0, videoWidth: 0, videoHeight: 0, audioPacketsReceived: 0, dtlsStates: [] as string[], srtpCiphers: [] as string[] };
    for (const pc of connections) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      stats.forEach((report: Record<string, unknown>) => {
        if (report['type'] === 'inbound-rtp' && report['kind'] === 'video') {
          result.videoFramesDecoded += Number(report['framesDecoded'] ?? 0);
          result.videoWidth = Math.max(result.videoWidth, Number(report['frameWidth'] ?? 0));
          result.videoHeight = Math.max(result.videoHeight, Number(report['frameHeight'] ?? 0));
        }
        if (report['type'] === 'inbound-rtp' && report['kind'] === 'audio') {
          result.audioPacketsReceived += Number(report['packetsReceived'] ?? 0);
        }
        if (report['type'] === 'transport') {
          result.dtlsStates.push(String(report['dtlsState']));
          if (report['srtpCipher']) result.srtpCiphers.push(String(report['srtpCipher']));
        }
      });
    }
    return result;
  });
}

/** Polls until `check` holds or the time is up; returns the last reading either way. */
export async function waitForMedia(page: Page, check: (m: InboundMedia) => boolean, timeoutMs = 20_000): Promise<InboundMedia> {
  const deadline = Date.now() + timeoutMs;
  let last = await readInboundMedia(page);
  while (!check(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    last = await readInboundMedia(page);
  }
  return last;
}

/** Decoded frames per inbound video stream (by SSRC) of the page's open peer connections: a resumed call brings new streams. */
const VIDEO_STREAMS = `(async () => {
  const frames = {};
  for (const pc of window.__peerConnections) {
    if (pc.connectionState === 'closed') continue;
    const stats = await pc.getStats();
    stats.forEach((r) => { if (r.type === 'inbound-rtp' && r.kind === 'video') frames[String(r.ssrc)] = Number(r.framesDecoded || 0); });
  }
  return frames;
})()`;
export const videoStreams = (page: Page): Promise<Record<string, number>> => page.evaluate(VIDEO_STREAMS);

/** Seconds from `since` until `page` decodes 5 frames of a video stream it did not have in `before`. */
export async function secondsUntilNewStream(page: Page, before: Record<string, number>, since: number, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await videoStreams(page);
    if (Object.entries(now).some(([ssrc, frames]) => !(ssrc in before) && frames > 5)) return (Date.now() - since) / 1000;
    assert.ok(Date.now() < deadline, `no new video stream decoded: ${JSON.stringify(now)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
