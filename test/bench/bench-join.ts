/**
 * bench:join — calls in a row through real Chromium and mediasoup. For each: time from the
 * staff's accept to the first decoded video frame on each side, split into phases
 * (join-timeline.ts). The join-time switches of the call core (client/call-core/src/join-tuning.ts)
 * are compared in the same run: the variants take turns call by call, so each sees the same
 * load on this shared machine.
 *
 *   BENCH_CALLS=20          calls per variant
 *   BENCH_VARIANTS=ab       `ab`: the old way against the defaults; `each`: also every switch alone;
 *                           `second`: the first round's defaults against each later switch and all of them;
 *                           `third`: the second round's defaults against the third round's changes, added one by one;
 *                           `third-b`: the second round's defaults, the defaults, and staff consuming at once;
 *                           `fifth`: the fourth round's defaults against the desk's standby, then the call screen after the camera, the kiosk's warm receiver, staff consuming at once;
 *                           `fifth-b`: the standby against the kiosk's warm receiver and staff consuming at once, alone and together;
 *                           `sixth`: the standby with sendFirst, then sendFirst off + warmRecv, then the defaults (+ the console's deferred call panel);
 *                           `seventh`: the sixth round's defaults against the camera taking over the standby's placeholder sender;
 *                           `defaults`: the defaults alone
 *   BENCH_WAIT_MS=1000      how long the resident waits before 「応答」
 *   BENCH_VERBOSE=1         each call's milestones, the first frame's inbound stats and long main-thread tasks
 *   BENCH_CONSOLE=1         both pages' console lines, each with the time it arrived (epoch ms), on stderr
 *   BENCH_PROFILE=1         each page's JavaScript between the accept and its first frame: the functions that took the
 *                           most of its one thread (a sampling profile; build the apps with `vite build --minify false` to read the names)
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import type { JoinTuning } from '@madoguchi/call-core/join-tuning';
import { DEFAULT_JOIN_TUNING } from '@madoguchi/call-core/join-tuning';
import { openBrowser } from '../helpers/browser';
import { hangUpAtDesk } from '../helpers/call-flow';
import { startTestServer } from '../helpers/start-server';
import { percentile, writeBenchSection } from './bench-docs';
import { PageProfiler } from './page-profile';
import { firstFrameStats, MILESTONES, milestonesOf, PHASES, phasesOf, resetTimeline, TIMELINE_SCRIPT, waitTimeline, type Milestone, type Phase } from './join-timeline';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 20);
const WAIT_MS = Number(process.env['BENCH_WAIT_MS'] ?? 1_000);

const OLD_WAY: JoinTuning = {
  earlyMedia: false,
  videoFirst: false,
  optimisticConnect: false,
  queuedJoin: false,
  warmCamera: false,
  sendFirst: false,
  sendFirstCamera: false,
  acceptJoins: false,
  deskStandby: false,
  warmRecv: false,
  cameraBeforeScreen: false,
  deferCallScreen: false,
  cameraOnPlaceholder: false,
};

/** The defaults before the queued join and the warm console camera (the first round of issue 16). */
const FIRST_ROUND: JoinTuning = { ...OLD_WAY, earlyMedia: true, videoFirst: true, optimisticConnect: true };

/** The defaults after the second round (queued join, warm console camera, send first). */
const SECOND_ROUND: Partial<JoinTuning> = { ...FIRST_ROUND, queuedJoin: true, warmCamera: true, sendFirst: true };

function variants(): Record<string, JoinTuning> {
  const defaults = { ...DEFAULT_JOIN_TUNING };
  // The rounds before the seventh compare what was there then.
  const sixthRound: JoinTuning = { ...defaults, cameraOnPlaceholder: false };
  const which = process.env['BENCH_VARIANTS'];
  if (which === 'each') {
    return {
      'A: before': OLD_WAY,
      '+ earlyMedia': { ...OLD_WAY, earlyMedia: true },
      '+ videoFirst': { ...OLD_WAY, videoFirst: true },
      '+ optimisticConnect': { ...OLD_WAY, optimisticConnect: true },
      '+ queuedJoin': { ...OLD_WAY, queuedJoin: true },
      '+ warmCamera': { ...OLD_WAY, warmCamera: true },
      '+ sendFirst': { ...OLD_WAY, sendFirst: true },
      'all on': defaults,
    };
  }
  if (which === 'second') {
    return {
      'A: first round': FIRST_ROUND,
      '+ queuedJoin': { ...FIRST_ROUND, queuedJoin: true },
      '+ queuedJoin + sendFirst': { ...FIRST_ROUND, queuedJoin: true, sendFirst: true },
      'B: defaults': defaults,
    };
  }
  if (which === 'third') {
    const second: JoinTuning = { ...OLD_WAY, ...SECOND_ROUND };
    return {
      'A: second round': second,
      'staff consumes at once': { ...second, sendFirst: false },
      '+ acceptJoins': { ...second, sendFirst: false, acceptJoins: true },
      'sendFirstCamera + acceptJoins': { ...second, sendFirstCamera: true, acceptJoins: true },
    };
  }
  if (which === 'third-b') {
    const second: JoinTuning = { ...OLD_WAY, ...SECOND_ROUND };
    return {
      'A: second round': second,
      'B: defaults': defaults,
      'sendFirst off + acceptJoins': { ...second, sendFirst: false, acceptJoins: true },
    };
  }
  if (which === 'fifth') {
    const fourth: JoinTuning = { ...sixthRound, sendFirst: true, deskStandby: false, warmRecv: false, cameraBeforeScreen: false, deferCallScreen: false };
    return {
      'A: fourth round': fourth,
      '+ deskStandby': { ...fourth, deskStandby: true },
      '+ cameraBeforeScreen': { ...fourth, deskStandby: true, cameraBeforeScreen: true },
      '+ warmRecv': { ...fourth, deskStandby: true, cameraBeforeScreen: true, warmRecv: true },
      'sendFirst off': { ...fourth, deskStandby: true, cameraBeforeScreen: true, sendFirst: false },
    };
  }
  if (which === 'fifth-b') {
    const standby: JoinTuning = { ...sixthRound, sendFirst: true, warmRecv: false, deferCallScreen: false };
    return {
      'A: standby': standby,
      '+ warmRecv': { ...standby, warmRecv: true },
      'sendFirst off': { ...standby, sendFirst: false },
      'sendFirst off + warmRecv': { ...standby, sendFirst: false, warmRecv: true },
    };
  }
  if (which === 'sixth') {
    const fifth: JoinTuning = { ...sixthRound, sendFirst: true, warmRecv: false, deferCallScreen: false };
    return {
      'A: standby, sendFirst': fifth,
      'sendFirst off + warmRecv': { ...sixthRound, deferCallScreen: false },
      'B: defaults': sixthRound,
    };
  }
  if (which === 'seventh') {
    return {
      'A: sixth round': sixthRound,
      'B: defaults (+ cameraOnPlaceholder)': defaults,
    };
  }
  if (which === 'defaults') return { 'B: defaults': defaults };
  return { 'A: before': OLD_WAY, 'B: defaults': defaults };
}

type Sides = Record<'staff' | 'kiosk', Record<Phase, number>[]> & { milestones: Record<'staff' | 'kiosk', Record<Milestone, number>[]> };

const setTuning = (page: Page, tuning: JoinTuning): Promise<void> =>
  page.evaluate((t) => {
    (window as unknown as { __madoguchiJoinTuning: JoinTuning }).__madoguchiJoinTuning = t;
  }, tuning);

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const server = await startTestServer({ database: 'embedded' });
  // BENCH_VERBOSE also follows each sender's encoder until the other side's first frame (a poll every 10 ms).
  const scripts = [TIMELINE_SCRIPT, ...(process.env['BENCH_VERBOSE'] ? ['window.__traceSend = true;'] : [])];
  const kiosk = await openBrowser({ initScripts: scripts });
  const staff = await openBrowser({ initScripts: scripts });
  let peakServerRss = 0;
  const sampler = setInterval(() => (peakServerRss = Math.max(peakServerRss, process.memoryUsage().rss)), 100);
  const tunings = variants();
  const results = new Map<string, Sides>(Object.keys(tunings).map((name) => [name, { staff: [], kiosk: [], milestones: { staff: [], kiosk: [] } }]));
  try {
    if (process.env['BENCH_CONSOLE']) {
      staff.page.on('console', (message) => process.stderr.write(`page-staff ${message.text().slice(0, 140)} ${Date.now()}\n`));
      kiosk.page.on('console', (message) => process.stderr.write(`page-kiosk ${message.text().slice(0, 140)} ${Date.now()}\n`));
    }
    await staff.page.goto(`${server.url}/`);
    await staff.page.getByLabel('ログインID').fill(server.demo.staffLoginId);
    await staff.page.getByLabel('パスワード').fill(server.demo.staffPassword);
    await staff.page.getByRole('button', { name: 'ログイン' }).click();
    await kiosk.page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);
    const profilers = process.env['BENCH_PROFILE']
      ? { staff: await PageProfiler.attach(staff.page), kiosk: await PageProfiler.attach(kiosk.page) }
      : null;

    for (let round = 1; round <= CALLS; round += 1) {
      for (const [name, tuning] of Object.entries(tunings)) {
        const rows = results.get(name) as Sides;
        await Promise.all([setTuning(kiosk.page, tuning), setTuning(staff.page, tuning)]);
        await kiosk.page.getByRole('button', { name: 'はじめる' }).click({ timeout: 30_000 });
        await Promise.all([resetTimeline(kiosk.page), resetTimeline(staff.page)]);
        await kiosk.page.getByRole('button', { name: /予約なしで相談/ }).click();
        const answer = staff.page.getByRole('button', { name: '応答' }).first();
        await answer.waitFor({ timeout: 15_000 });
        // A resident waits a while before anyone answers; the early camera has that time.
        await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
        if (profilers) await Promise.all([profilers.staff.start(), profilers.kiosk.start()]);
        const clickedAt = Date.now();
        await answer.click();
        const [atStaff, atKiosk] = await Promise.all([waitTimeline(staff.page), waitTimeline(kiosk.page)]);
        if (atStaff.accepted === null) process.stdout.write('the click on 応答 was not seen in the page; timing from the bench\'s click instead\n');
        const acceptedAt = atStaff.accepted ?? clickedAt;
        rows.staff.push(phasesOf(atStaff, acceptedAt));
        rows.kiosk.push(phasesOf(atKiosk, acceptedAt));
        rows.milestones.staff.push(milestonesOf(atStaff, acceptedAt));
        rows.milestones.kiosk.push(milestonesOf(atKiosk, acceptedAt));
        const m = (side: 'staff' | 'kiosk'): string => MILESTONES.map((k) => `${k} ${rows.milestones[side].at(-1)?.[k]}`).join(', ');
        process.stdout.write(`round ${round}/${CALLS} ${name}: staff ${rows.staff.at(-1)?.total} ms, kiosk ${rows.kiosk.at(-1)?.total} ms\n`);
        if (profilers) {
          const staffProfile = await profilers.staff.stop(acceptedAt, atStaff.firstFrame ?? Date.now());
          const kioskProfile = await profilers.kiosk.stop(acceptedAt, atKiosk.firstFrame ?? Date.now());
          process.stdout.write(`  staff profile, accept to first frame:\n    ${staffProfile}\n  kiosk profile, accept to first frame:\n    ${kioskProfile}\n`);
        }
        if (process.env['BENCH_VERBOSE']) {
          process.stdout.write(`  staff: ${m('staff')}; ${await firstFrameStats(staff.page, acceptedAt)}\n  kiosk: ${m('kiosk')}; ${await firstFrameStats(kiosk.page, acceptedAt)}\n`);
        }
        await hangUpAtDesk(staff.page);
        await staff.page.getByRole('button', { name: '通話を終了' }).waitFor({ state: 'detached' });
        await kiosk.page.getByRole('button', { name: 'とばす' }).click({ timeout: 15_000 });
        // The console offers to record the outcome first; the bench leaves it for later.
        await staff.page.getByRole('button', { name: '後で記録する' }).click({ timeout: 15_000 });
      }
    }
    const workerStats = await server.sfu.stats();
    const workerPeakMb = Math.max(...workerStats.workers.map((w) => w.maxRssKb)) / 1024;
    report(results, { serverRssMb: peakServerRss / 1024 / 1024, workerRssMb: workerPeakMb, loadBefore, loadAfter: os.loadavg() });
  } finally {
    clearInterval(sampler);
    await kiosk.close();
    await staff.close();
    await server.close();
  }
}

function report(results: Map<string, Sides>, env: { serverRssMb: number; workerRssMb: number; loadBefore: number[]; loadAfter: number[] }): void {
  const names = [...results.keys()];
  const lines = [`| side | phase | ${names.map((n) => `${n} p50 / p95 ms`).join(' | ')} |`, `|---|---|${names.map(() => '---|').join('')}`];
  for (const side of ['staff', 'kiosk'] as const) {
    for (const phase of PHASES) {
      const cells = names.map((name) => {
        const values = (results.get(name) as Sides)[side].map((r) => r[phase]);
        return `${percentile(values, 50)} / ${percentile(values, 95)}`;
      });
      lines.push(`| ${side} | ${phase} | ${cells.join(' | ')} |`);
    }
  }
  // Where the *frame* phase goes: each milestone's p50 from the accept (0: before it).
  const milestoneLines = [`| side | milestone p50 ms after accept | ${names.join(' | ')} |`, `|---|---|${names.map(() => '---|').join('')}`];
  for (const side of ['staff', 'kiosk'] as const) {
    for (const milestone of MILESTONES) {
      const cells = names.map((name) => percentile((results.get(name) as Sides).milestones[side].map((r) => r[milestone]).filter((v) => !Number.isNaN(v)), 50));
      milestoneLines.push(`| ${side} | ${milestone} | ${cells.join(' | ')} |`);
    }
  }
  const baseline = results.get(names[0] ?? '') as Sides;
  const ratios = names.slice(1).map((name) => {
    const rows = results.get(name) as Sides;
    const ratio = (side: 'staff' | 'kiosk'): string =>
      (percentile(rows[side].map((r) => r.total), 50) / percentile(baseline[side].map((r) => r.total), 50)).toFixed(2);
    return `- ${name} / ${names[0]}: total p50 ratio staff ${ratio('staff')}, kiosk ${ratio('kiosk')}`;
  });
  const load = (l: number[]): string => l.map((v) => v.toFixed(2)).join(' ');
  const memory = `Peak RSS: server process ${env.serverRssMb.toFixed(0)} MB (includes the bench harness, same process), mediasoup worker ${env.workerRssMb.toFixed(0)} MB.`;
  const loadLine = `Load average (1, 5, 15 min) before ${load(env.loadBefore)}, after ${load(env.loadAfter)} on ${os.cpus().length} cores.`;
  const table = lines.join('\n');
  const milestoneTable = milestoneLines.join('\n');
  process.stdout.write(`\n${table}\n\n${ratios.join('\n')}\n\n${milestoneTable}\n\n${memory}\n${loadLine}\n`);
  const calls = baseline.staff.length;
  writeBenchSection('join', [
    '## bench:join',
    '',
    `\`npm run bench:join\` — ${calls} calls per variant, the variants taking turns call by call, Chromium (fake devices) on loopback, ${new Date().toISOString().slice(0, 10)}.`,
    'Phases from the staff\'s click on 「応答」 (in page time): *camera* until camera and microphone are open (0 when opened before),',
    '*signalling* until the page creates its first peer connection, *connect* its ICE + DTLS, *frame* from then to the first',
    `decoded video frame; *total* is accept to first frame. Each call starts ${WAIT_MS / 1000} s after the resident is queued.`,
    'Variants are the switches of `client/call-core/src/join-tuning.ts`. Goal: total p50 <= 300 ms, p95 <= 600 ms on both sides.',
    '',
    table,
    '',
    ...ratios,
    '',
    'Milestones, p50 ms after the accept (0: reached before it): the server\'s answer on the sending connection, its',
    'ICE + DTLS done, the first offer on the receiving one (first consume), its ICE + DTLS done, the first video packet, the',
    'remote video given to a `<video>` (remoteShown) and the first decoded frame.',
    '',
    milestoneTable,
    '',
    memory,
    loadLine,
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
