/**
 * bench:join — 20 calls in a row through real Chromium and mediasoup. For each: time from the
 * staff's accept to the first decoded video frame on each side, split into signalling (accept
 * until the page creates its peer connection), transport connect (ICE + DTLS) and first frame.
 */
import type { Page } from 'playwright-core';
import { openBrowser } from '../helpers/browser';
import { startTestServer } from '../helpers/start-server';
import { percentile, writeBenchSection } from './bench-docs';
import { hangUpAtDesk } from '../helpers/call-flow';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 20);

interface Timeline {
  pcCreated: number | null;
  connected: number | null;
  firstFrame: number | null;
}

/**
 * Records, in page time (Date.now, the same clock as this process), the milestones of a call.
 * Plain JavaScript: functions compiled by tsx carry a `__name` helper the page lacks.
 */
const TIMELINE_SCRIPT = `
  (() => {
    window.__timeline = { pcCreated: null, connected: null, firstFrame: null };
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(configuration) {
        super(configuration);
        const t = window.__timeline;
        if (t.pcCreated === null) t.pcCreated = Date.now();
        this.addEventListener('connectionstatechange', () => {
          if (this.connectionState === 'connected' && window.__timeline.connected === null) window.__timeline.connected = Date.now();
        });
        const poll = setInterval(async () => {
          if (this.connectionState === 'closed') return clearInterval(poll);
          const stats = await this.getStats();
          stats.forEach((r) => {
            if (r.type === 'inbound-rtp' && r.kind === 'video' && (r.framesDecoded || 0) > 0 && window.__timeline.firstFrame === null) {
              window.__timeline.firstFrame = Date.now();
            }
          });
        }, 10);
      }
    };
  })();
`;

const resetTimeline = (page: Page): Promise<void> =>
  page.evaluate(() => {
    (window as unknown as { __timeline: Timeline }).__timeline = { pcCreated: null, connected: null, firstFrame: null };
  });

async function waitTimeline(page: Page, timeoutMs = 20_000): Promise<Timeline> {
  await page.waitForFunction(() => (window as unknown as { __timeline: Timeline }).__timeline.firstFrame !== null, undefined, {
    timeout: timeoutMs,
    polling: 10,
  });
  return page.evaluate(() => (window as unknown as { __timeline: Timeline }).__timeline);
}


async function main(): Promise<void> {
  const server = await startTestServer({ database: 'embedded' });
  const kiosk = await openBrowser({ initScripts: [TIMELINE_SCRIPT] });
  const staff = await openBrowser({ initScripts: [TIMELINE_SCRIPT] });
  let peakServerRss = 0;
  const sampler = setInterval(() => (peakServerRss = Math.max(peakServerRss, process.memoryUsage().rss)), 100);
  const rows: Record<'staff' | 'kiosk', { signalling: number; connect: number; frame: number; total: number }[]> = { staff: [], kiosk: [] };
  try {
    await staff.page.goto(`${server.url}/`);
    await staff.page.getByLabel('ログインID').fill(server.demo.staffLoginId);
    await staff.page.getByLabel('パスワード').fill(server.demo.staffPassword);
    await staff.page.getByRole('button', { name: 'ログイン' }).click();
    await kiosk.page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);

    for (let call = 1; call <= CALLS; call += 1) {
      await kiosk.page.getByRole('button', { name: 'はじめる' }).click({ timeout: 30_000 });
      await kiosk.page.getByRole('button', { name: /予約なしで相談/ }).click();
      const answer = staff.page.getByRole('button', { name: '応答' }).first();
      await answer.waitFor({ timeout: 15_000 });
      await Promise.all([resetTimeline(kiosk.page), resetTimeline(staff.page)]);
      const acceptedAt = Date.now();
      await answer.click();
      const [atStaff, atKiosk] = await Promise.all([waitTimeline(staff.page), waitTimeline(kiosk.page)]);
      for (const [side, t] of [['staff', atStaff], ['kiosk', atKiosk]] as const) {
        const pc = t.pcCreated ?? acceptedAt;
        const connected = t.connected ?? pc;
        const frame = t.firstFrame ?? connected;
        rows[side].push({ signalling: pc - acceptedAt, connect: connected - pc, frame: frame - connected, total: frame - acceptedAt });
      }
      process.stdout.write(`call ${call}/${CALLS}: staff ${rows.staff.at(-1)?.total} ms, kiosk ${rows.kiosk.at(-1)?.total} ms\n`);
      await hangUpAtDesk(staff.page);
      await staff.page.getByRole('button', { name: '通話を終了' }).waitFor({ state: 'detached' });
      await kiosk.page.getByRole('button', { name: 'とばす' }).click({ timeout: 15_000 });
      // The console offers to record the outcome first; the bench leaves it for later.
      await staff.page.getByRole('button', { name: '後で記録する' }).click({ timeout: 15_000 });
    }
    const workerStats = await server.sfu.stats();
    const workerPeakMb = Math.max(...workerStats.workers.map((w) => w.maxRssKb)) / 1024;
    report(rows, peakServerRss / 1024 / 1024, workerPeakMb);
  } finally {
    clearInterval(sampler);
    await kiosk.close();
    await staff.close();
    await server.close();
  }
}

function report(
  rows: Record<'staff' | 'kiosk', { signalling: number; connect: number; frame: number; total: number }[]>,
  serverRssMb: number,
  workerRssMb: number,
): void {
  const lines = [
    `| side | phase | p50 ms | p95 ms |`,
    `|---|---|---|---|`,
  ];
  for (const side of ['staff', 'kiosk'] as const) {
    for (const phase of ['signalling', 'connect', 'frame', 'total'] as const) {
      const values = rows[side].map((r) => r[phase]);
      lines.push(`| ${side} | ${phase} | ${percentile(values, 50)} | ${percentile(values, 95)} |`);
    }
  }
  const memory = `Peak RSS: server process ${serverRssMb.toFixed(0)} MB (includes the bench harness, same process), mediasoup worker ${workerRssMb.toFixed(0)} MB.`;
  const table = lines.join('\n');
  process.stdout.write(`\n${table}\n\n${memory}\n`);

  writeBenchSection('join', [
    '## bench:join',
    '',
    `\`npm run bench:join\` — ${rows.staff.length} calls in a row, Chromium (fake devices) on loopback, ${new Date().toISOString().slice(0, 10)}.`,
    'Phases from the staff pressing 「応答」: *signalling* until the page creates its peer connection, *connect* ICE + DTLS,',
    '*frame* until the first decoded video frame; *total* is accept to first frame. Goal: total p50 <= 400 ms, p95 <= 800 ms.',
    '',
    table,
    '',
    memory,
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
