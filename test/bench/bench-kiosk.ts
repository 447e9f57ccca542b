/**
 * bench:kiosk — what a call costs the kiosk PC (and the staff PC): CPU of each browser's
 * renderer and GPU processes (user + system from /proc/<pid>/stat) and their memory (PSS)
 * while a call runs with the face camera at 720p and the document camera at 1080p (at most
 * 15 fps). The variants take turns call by call in one run, so each sees the same load:
 *
 *   before      the document camera at up to 15 fps whatever it shows, VP8 (the default)
 *   console hidden  the same while the staff console is hidden (another window in front): the console
 *               says so (documentView) and the kiosk pauses its document producer
 *   (BENCH_KIOSK_VARIANTS=all adds the two below)
 *   still 5 fps the kiosk drops to 5 fps while the page under the camera is still (document-frame-rate.ts,
 *               off by default: it measured costlier than what it saves)
 *   + H.264     the same on a server with MEDIA_VIDEO_CODEC=h264 (Chromium's software OpenH264 here)
 *
 * The document camera shows a still printed page: a 1920x1080 canvas (captureStream) stands in
 * for the document camera, because Chromium's fake cameras always move and a y4m file would
 * replace every camera, the face camera included. The face camera is Chromium's fake one.
 *
 *   BENCH_ROUNDS=2   calls per variant     BENCH_SECONDS=60   measured seconds per call
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import { openBrowser, THREE_FAKE_CAMERAS, type BrowserHandle } from '../helpers/browser';
import { answerFirstInQueue, expectBothDecode, hangUpAtDesk } from '../helpers/call-flow';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { writeBenchSection } from './bench-docs';
import { measureBrowser, type BrowserCost } from './process-cost';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);
/** The document is on screen and the picture settled before the measuring starts. */
const SETTLE_MS = 8_000;

/** The document camera (video alone at 1920x1080) answered by a still page drawn on a canvas. */
const STILL_DOCUMENT_CAMERA = `
  (() => {
    const devices = navigator.mediaDevices;
    const getUserMedia = devices.getUserMedia.bind(devices);
    const page = () => {
      const canvas = document.createElement('canvas');
      canvas.width = 1920;
      canvas.height = 1080;
      const g = canvas.getContext('2d');
      g.fillStyle = '#f4f1ea';
      g.fillRect(0, 0, 1920, 1080);
      g.fillStyle = '#fff';
      g.fillRect(460, 40, 1000, 1000);
      g.fillStyle = '#222';
      g.font = 'bold 44px sans-serif';
      g.fillText('転入届 / Notification of moving in', 520, 130);
      for (let line = 0; line < 34; line += 1) {
        g.font = (line % 5 === 0 ? 'bold ' : '') + (14 + (line % 4) * 4) + 'px sans-serif';
        g.fillText('第' + (line + 1) + '条 住所 氏名 生年月日 1990年4月1日 〒100-0001 東京都千代田区 ' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789', 500, 190 + line * 25);
      }
      g.strokeStyle = '#333';
      for (let box = 0; box < 6; box += 1) g.strokeRect(500 + box * 150, 1050 - 160, 130, 60);
      // A canvas stream carries a frame only when the canvas is painted: paint the same page
      // 15 times a second (the most the kiosk asks of its document camera), as a camera
      // delivers frames of a page that does not move.
      const shown = document.createElement('canvas');
      shown.width = 1920;
      shown.height = 1080;
      const s = shown.getContext('2d');
      s.drawImage(canvas, 0, 0);
      const stream = shown.captureStream(15);
      const timer = setInterval(() => {
        if (stream.getVideoTracks()[0].readyState !== 'live') return clearInterval(timer);
        s.drawImage(canvas, 0, 0);
      }, 66);
      return stream;
    };
    devices.getUserMedia = async (constraints) => {
      const video = constraints && constraints.video;
      if (constraints && !constraints.audio && video && typeof video === 'object' && video.width && video.width.ideal === 1920) {
        await getUserMedia(constraints);
        return page();
      }
      return getUserMedia(constraints);
    };
  })();
`;

/** The kiosk's document sender: frame rate, size and bit rate sent, codec. */
const READ_DOCUMENT_SENDER = `
  (async () => {
    // A paused document producer has no track on its sender: the one seen last is read again.
    const senders = [];
    for (const pc of window.__peerConnections) {
      if (pc.connectionState === 'closed') continue;
      for (const sender of pc.getSenders()) if (sender.track && sender.track.contentHint === 'detail') senders.push(sender);
    }
    if (senders.length > 0) window.__documentSender = senders[0];
    else if (window.__documentSender) senders.push(window.__documentSender);
    {
      for (const sender of senders) {
        const stats = await sender.getStats();
        let out = null;
        let bytesSent = 0;
        const codecs = new Map();
        stats.forEach((r) => {
          if (r.type === 'codec') codecs.set(r.id, r.mimeType);
          if (r.type === 'outbound-rtp') { bytesSent += (r.bytesSent || 0) + (r.headerBytesSent || 0); if (r.framesEncoded !== undefined) out = r; }
        });
        if (!out) return null;
        return { framesEncoded: out.framesEncoded || 0, bytesSent, width: out.frameWidth || 0, height: out.frameHeight || 0, codec: codecs.get(out.codecId) || '?', at: Date.now() };
      }
    }
    return null;
  })()
`;

/** At the staff: the widest decoded video (the document), frames decoded so far and its size. */
const READ_DOCUMENT_RECEIVED = `
  (async () => {
    let best = null;
    for (const pc of window.__peerConnections) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      stats.forEach((r) => {
        if (r.type === 'inbound-rtp' && r.kind === 'video' && (!best || (r.frameWidth || 0) > (best.frameWidth || 0))) best = r;
      });
    }
    return best ? { framesDecoded: best.framesDecoded || 0, width: best.frameWidth || 0, height: best.frameHeight || 0, at: Date.now() } : null;
  })()
`;

interface ReceivedReading {
  framesDecoded: number;
  width: number;
  height: number;
  at: number;
}

interface SenderReading {
  framesEncoded: number;
  bytesSent: number;
  width: number;
  height: number;
  codec: string;
  at: number;
}

interface Variant {
  name: string;
  server: TestServer;
  stillFps: boolean;
  /** The staff console is hidden (another window in front) while measured: the document pane is not seen. */
  consoleHidden: boolean;
}

/** The console's page says it is hidden (or visible again), as when another window covers it. Plain JavaScript (see TIMELINE_SCRIPT). */
async function setConsoleHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate(`
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => ${hidden ? "'hidden'" : "'visible'"} });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${hidden} });
    document.dispatchEvent(new Event('visibilitychange'));
  `);
}

interface CallCost {
  kiosk: BrowserCost;
  staff: BrowserCost;
  documentFps: number;
  documentKbps: number;
  documentSize: string;
  codec: string;
  /** What the staff decoded of it: frames per second and size. */
  receivedFps: number;
  receivedSize: string;
}

async function setStillFps(page: Page, on: boolean): Promise<void> {
  await page.evaluate((value) => {
    (window as unknown as { __madoguchiStillDocumentFps: boolean }).__madoguchiStillDocumentFps = value;
  }, on);
}

async function oneCall(variant: Variant, kiosk: BrowserHandle, staff: BrowserHandle): Promise<CallCost> {
  const { server } = variant;
  await staff.page.goto(`${server.url}/`);
  const loginId = staff.page.getByLabel('ログインID');
  const available = staff.page.getByText('ログアウト').first();
  await loginId.or(available).first().waitFor({ timeout: 30_000 });
  if (await loginId.isVisible()) {
    await loginId.fill(server.demo.staffLoginId);
    await staff.page.getByLabel('パスワード').fill(server.demo.staffPassword);
    await staff.page.getByRole('button', { name: 'ログイン' }).click();
  }
  await kiosk.page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);
  await kiosk.page.getByRole('button', { name: 'はじめる' }).click({ timeout: 30_000 });
  await kiosk.page.getByRole('button', { name: /予約なしで相談/ }).click();
  await answerFirstInQueue(staff.page);
  await expectBothDecode(staff.page, kiosk.page);
  // Read when the document camera starts; set now, as the page may have reloaded since it opened.
  await setStillFps(kiosk.page, variant.stillFps);
  await kiosk.page.getByRole('button', { name: '書類を見せる' }).click();
  await kiosk.page.getByRole('button', { name: '書類カメラを止める' }).waitFor({ timeout: 30_000 });
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const before = (await kiosk.page.evaluate(READ_DOCUMENT_SENDER)) as SenderReading | null;
  const receivedBefore = (await staff.page.evaluate(READ_DOCUMENT_RECEIVED)) as ReceivedReading | null;
  if (variant.consoleHidden) await setConsoleHidden(staff.page, true);
  const [kioskCost, staffCost] = await Promise.all([measureBrowser(kiosk.profile, SECONDS), measureBrowser(staff.profile, SECONDS)]);
  const after = (await kiosk.page.evaluate(READ_DOCUMENT_SENDER)) as SenderReading | null;
  const receivedAfter = (await staff.page.evaluate(READ_DOCUMENT_RECEIVED)) as ReceivedReading | null;
  if (variant.consoleHidden) {
    // Back in view: the document must come back, legible, at once.
    const shownAt = Date.now();
    await setConsoleHidden(staff.page, false);
    const resumed = receivedAfter?.framesDecoded ?? 0;
    for (const deadline = Date.now() + 15_000; ; ) {
      const now = (await staff.page.evaluate(READ_DOCUMENT_RECEIVED)) as ReceivedReading | null;
      if (now && now.framesDecoded > resumed) break;
      if (Date.now() > deadline) throw new Error('the document did not come back at the console');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.stdout.write(`document back at the console ${Date.now() - shownAt} ms after it was shown again\n`);
  }
  if (!before || !after) throw new Error('the kiosk sent no document stream');
  if (!receivedBefore || !receivedAfter) throw new Error('the staff decoded no video');
  const seconds = (after.at - before.at) / 1000;
  await hangUpAtDesk(staff.page);
  await kiosk.page.getByRole('button', { name: 'とばす' }).click({ timeout: 15_000 });
  await staff.page.getByRole('button', { name: '後で記録する' }).click({ timeout: 15_000 });
  return {
    kiosk: kioskCost,
    staff: staffCost,
    documentFps: (after.framesEncoded - before.framesEncoded) / seconds,
    documentKbps: ((after.bytesSent - before.bytesSent) * 8) / 1000 / seconds,
    documentSize: `${after.width}x${after.height}`,
    codec: after.codec,
    receivedFps: (receivedAfter.framesDecoded - receivedBefore.framesDecoded) / ((receivedAfter.at - receivedBefore.at) / 1000),
    receivedSize: `${receivedAfter.width}x${receivedAfter.height}`,
  };
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const vp8 = await startTestServer({ database: 'embedded', nodeId: 'bench-vp8' });
  const h264 = await startTestServer({ sharedDatabase: vp8.db, nodeId: 'bench-h264', sfu: { preferredVideoCodec: 'h264' } });
  const kiosk = await openBrowser({ extraArgs: [THREE_FAKE_CAMERAS], initScripts: [STILL_DOCUMENT_CAMERA] });
  const staff = await openBrowser();
  const variants: Variant[] = [
    { name: 'before', server: vp8, stillFps: false, consoleHidden: false },
    { name: 'console hidden', server: vp8, stillFps: false, consoleHidden: true },
    ...(process.env['BENCH_KIOSK_VARIANTS'] === 'all'
      ? [
          { name: 'still 5 fps', server: vp8, stillFps: true, consoleHidden: false },
          { name: 'still 5 fps + H.264', server: h264, stillFps: true, consoleHidden: false },
        ]
      : []),
  ];
  const results = new Map<string, CallCost[]>(variants.map((v) => [v.name, []]));
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const variant of variants) {
        const cost = await oneCall(variant, kiosk, staff);
        results.get(variant.name)?.push(cost);
        process.stdout.write(
          `round ${round}/${ROUNDS} ${variant.name}: kiosk renderer+GPU ${cost.kiosk.rendererGpuCpu.toFixed(1)} % (all ${cost.kiosk.allCpu.toFixed(1)} %), ` +
            `staff ${cost.staff.rendererGpuCpu.toFixed(1)} %, document ${cost.documentFps.toFixed(1)} fps ${cost.documentSize} ${cost.codec} ${cost.documentKbps.toFixed(0)} kbit/s, ` +
            `staff decoded ${cost.receivedFps.toFixed(1)} fps ${cost.receivedSize}\n`,
        );
      }
    }
    report(results, { loadBefore, loadAfter: os.loadavg() });
  } finally {
    await kiosk.close();
    await staff.close();
    await h264.close();
    await vp8.close();
  }
}

function report(results: Map<string, CallCost[]>, env: { loadBefore: number[]; loadAfter: number[] }): void {
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const lines = [
    '| variant | kiosk renderer+GPU CPU % | kiosk all processes CPU % | kiosk renderer+GPU PSS MB | staff renderer+GPU CPU % | staff all processes CPU % | staff renderer+GPU PSS MB | document sent fps | document size | document kbit/s | codec | staff decoded fps | staff decoded size |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, costs] of results) {
    const m = (pick: (c: CallCost) => number, digits = 0): string => mean(costs.map(pick)).toFixed(digits);
    lines.push(
      `| ${name} | ${m((c) => c.kiosk.rendererGpuCpu)} | ${m((c) => c.kiosk.allCpu)} | ${m((c) => c.kiosk.rendererGpuPssMb)} | ` +
        `${m((c) => c.staff.rendererGpuCpu)} | ${m((c) => c.staff.allCpu)} | ${m((c) => c.staff.rendererGpuPssMb)} | ` +
        `${m((c) => c.documentFps, 1)} | ${costs.at(-1)?.documentSize ?? '?'} | ${m((c) => c.documentKbps)} | ${costs.at(-1)?.codec ?? '?'} | ` +
        `${m((c) => c.receivedFps, 1)} | ${costs.at(-1)?.receivedSize ?? '?'} |`,
    );
  }
  const base = results.get('before') ?? [];
  const ratios = [...results.entries()].slice(1).map(([name, costs]) => {
    const ratio = (pick: (c: CallCost) => number): string => (mean(costs.map(pick)) / mean(base.map(pick))).toFixed(2);
    return `- ${name} / before: kiosk renderer+GPU CPU ${ratio((c) => c.kiosk.rendererGpuCpu)}, kiosk all ${ratio((c) => c.kiosk.allCpu)}, staff renderer+GPU ${ratio((c) => c.staff.rendererGpuCpu)}`;
  });
  const load = (l: number[]): string => l.map((v) => v.toFixed(2)).join(' ');
  const loadLine = `Load average (1, 5, 15 min) before ${load(env.loadBefore)}, after ${load(env.loadAfter)} on ${os.cpus().length} cores.`;
  const table = lines.join('\n');
  process.stdout.write(`\n${table}\n\n${ratios.join('\n')}\n${loadLine}\n`);
  const calls = base.length;
  writeBenchSection('kiosk', [
    '## bench:kiosk',
    '',
    `\`npm run bench:kiosk\` — ${calls} call(s) per variant, the variants taking turns, ${SECONDS} s measured per call after the document had`,
    `been on screen ${SETTLE_MS / 1000} s, ${new Date().toISOString().slice(0, 10)}. Kiosk: face camera 1280x720 (Chromium's fake camera, 30 fps) and the`,
    'document camera at 1920x1080, at most 15 fps, showing a still printed page (a canvas stands in for it, see the file);',
    'staff: fake camera. CPU = user + system time of the processes from /proc/<pid>/stat over the window, in % of one core;',
    '*renderer+GPU* are the page and GPU processes, *all* adds the browser, network and camera-capture processes. PSS = the',
    'processes\' proportional memory, mean over the window. Each browser runs headless with `--disable-gpu` (software compositing).',
    '',
    table,
    '',
    ...ratios,
    '',
    loadLine,
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
