/**
 * bench:lighthouse — Lighthouse's performance category on the throttled mobile profile
 * (simulated slow 4G, 4x CPU slow-down: Lighthouse's default) for the staff login page, the
 * kiosk and the residents' booking page, against a test server in this process, with Debian's Chromium. The pages take turns,
 * BENCH_RUNS times each; the table gives the median run of each page and every score.
 *
 * Lighthouse is not a project dependency (it is large and only this bench needs it): install it
 * in a scratch folder, `npm i --prefix /tmp/lh lighthouse@12`, and point LIGHTHOUSE_BIN at it
 * (default /tmp/lh/node_modules/.bin/lighthouse).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestServer } from '../helpers/start-server';
import { writeBenchSection } from './bench-docs';

const run = promisify(execFile);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const LIGHTHOUSE = process.env['LIGHTHOUSE_BIN'] ?? '/tmp/lh/node_modules/.bin/lighthouse';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

interface Score {
  performance: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  speedIndexMs: number;
  kib: number;
}

/** Lighthouse on a busy machine now and then loses its trace (NO_NAVSTART): try again. */
async function lighthouse(url: string): Promise<Score> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await lighthouseOnce(url);
    } catch (error) {
      if (attempt >= 3) throw error;
      process.stdout.write(`lighthouse failed (attempt ${attempt}), trying again\n`);
    }
  }
}

async function lighthouseOnce(url: string): Promise<Score> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-lighthouse-'));
  const output = path.join(folder, 'report.json');
  try {
    await run(
      LIGHTHOUSE,
      [url, '--only-categories=performance', '--output=json', `--output-path=${output}`, '--quiet', '--chrome-flags=--headless --no-sandbox --disable-gpu'],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
    );
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      categories: { performance: { score: number } };
      audits: Record<string, { numericValue?: number }>;
    };
    if (process.env['BENCH_DETAILS']) {
      // Where the main thread went: per script, and the long tasks that make up TBT.
      const details = (name: string): unknown => (report.audits[name] as { details?: { items?: unknown[] } } | undefined)?.details?.items;
      process.stdout.write(`${url}\nbootup-time ${JSON.stringify(details('bootup-time'))}\nlong-tasks ${JSON.stringify(details('long-tasks'))}\n`);
    }
    const audit = (name: string): number => Math.round(report.audits[name]?.numericValue ?? NaN);
    return {
      performance: Math.round(report.categories.performance.score * 100),
      fcpMs: audit('first-contentful-paint'),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      speedIndexMs: audit('speed-index'),
      kib: Math.round(audit('total-byte-weight') / 1024),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(LIGHTHOUSE)) {
    console.error(`No Lighthouse at ${LIGHTHOUSE}. Install it outside the project: npm i --prefix /tmp/lh lighthouse@12 (or set LIGHTHOUSE_BIN).`);
    process.exit(2);
  }
  const loadBefore = os.loadavg();
  const server = await startTestServer({ database: 'embedded' });
  const pages = [
    { name: 'staff login `/`', url: `${server.url}/` },
    { name: 'kiosk `/kiosk/` (paired: idle screen)', url: `${server.url}/kiosk/#credential=${server.demo.kioskCredential}` },
    { name: 'booking `/book/` (first screen)', url: `${server.url}/book/` },
  ];
  const scores = new Map<string, Score[]>(pages.map((p) => [p.name, []]));
  try {
    for (let i = 1; i <= RUNS; i += 1) {
      for (const page of pages) {
        const score = await lighthouse(page.url);
        scores.get(page.name)?.push(score);
        process.stdout.write(`run ${i}/${RUNS} ${page.name}: ${score.performance} (TBT ${score.tbtMs} ms, LCP ${score.lcpMs} ms)\n`);
      }
    }
  } finally {
    await server.close();
  }
  const lines = ['| page | performance (median; all runs) | FCP ms | LCP ms | TBT ms | Speed Index ms | transferred KiB |', '|---|---|---|---|---|---|---|'];
  for (const [name, runs] of scores) {
    const sorted = [...runs].sort((a, b) => a.performance - b.performance);
    const median = sorted[Math.floor(sorted.length / 2)] as Score;
    lines.push(
      `| ${name} | **${median.performance}**; ${runs.map((r) => r.performance).join(', ')} | ${median.fcpMs} | ${median.lcpMs} | ${median.tbtMs} | ${median.speedIndexMs} | ${median.kib} |`,
    );
  }
  const load = (l: number[]): string => l.map((v) => v.toFixed(2)).join(' ');
  const loadLine = `Load average (1, 5, 15 min) before ${load(loadBefore)}, after ${load(os.loadavg())} on ${os.cpus().length} cores.`;
  const table = lines.join('\n');
  process.stdout.write(`\n${table}\n\n${loadLine}\n`);
  writeBenchSection('lighthouse', [
    '## bench:lighthouse',
    '',
    `\`npm run bench:lighthouse\` — ${RUNS} runs per page, taking turns, ${new Date().toISOString().slice(0, 10)}. Lighthouse 12, performance category only,`,
    'default throttled mobile profile (simulated slow 4G, 4x CPU slow-down), Debian\'s Chromium headless; the built apps served',
    'by a test server in the bench process. Goal: performance >= 90 on every page. Lighthouse\'s simulated timings scale with',
    'how busy the machine is, so runs on a loaded machine score lower than on an idle one.',
    '',
    table,
    '',
    loadLine,
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
