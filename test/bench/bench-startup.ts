/**
 * bench:startup — how long `npm start`'s server takes from spawn to a ready /readyz, and the
 * server's resident memory once idle, for the TypeScript run through tsx (before) and the
 * compiled server/dist/main.js (after), alternating so both see the same machine load.
 * Both use the embedded PostgreSQL in one data folder, prepared by a first run that is not
 * counted (initdb, migrations and demo data happen once).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile, writeBenchSection } from './bench-docs';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const IDLE_SECONDS = Number(process.env['BENCH_IDLE_SECONDS'] ?? 10);
const COMPILED = 'server/dist/main.js';

const variants = {
  tsx: ['--import', 'tsx', 'server/src/main.ts'],
  compiled: ['--enable-source-maps', COMPILED],
} as const;
type Variant = keyof typeof variants;

interface Sample {
  readyMs: number;
  idleRssMb: number;
  peakRssMb: number;
}

function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function startOnce(variant: Variant, dataDir: string, port: number, idleSeconds: number): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, [...variants[variant]], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SFU_WORKERS: '1', DATABASE_URL: '', REDIS_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ready) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${variant}: server did not become ready`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const readyMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const pid = child.pid ?? 0;
    return { readyMs, idleRssMb: memoryMb(pid, 'VmRSS'), peakRssMb: memoryMb(pid, 'VmHWM') };
  } finally {
    await stop(child);
  }
}

async function main(): Promise<void> {
  if (!existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run 'node scripts/build-server.mjs' (npm start does it)`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-bench-startup-'));
  chmodSync(dataDir, 0o755);
  const port = 3700 + Math.floor(Math.random() * 100);
  const samples: Record<Variant, Sample[]> = { tsx: [], compiled: [] };
  try {
    await startOnce('compiled', dataDir, port, 0);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const variant of round % 2 === 0 ? (['tsx', 'compiled'] as const) : (['compiled', 'tsx'] as const)) {
        const sample = await startOnce(variant, dataDir, port, IDLE_SECONDS);
        samples[variant].push(sample);
        console.log(`${variant.padEnd(8)} ready in ${sample.readyMs.toFixed(0)} ms, idle RSS ${sample.idleRssMb.toFixed(1)} MB`);
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const row = (variant: Variant): string => {
    const list = samples[variant];
    const ready = list.map((s) => s.readyMs);
    const rss = list.map((s) => s.idleRssMb);
    return `| ${variant === 'tsx' ? 'before: `node --import tsx server/src/main.ts`' : 'after: `node server/dist/main.js`'} | ${percentile(ready, 50).toFixed(0)} | ${Math.max(...ready).toFixed(0)} | ${percentile(rss, 50).toFixed(1)} | ${Math.max(...list.map((s) => s.peakRssMb)).toFixed(1)} |`;
  };
  const lines = [
    '## bench:startup',
    '',
    `\`npm run bench:startup\` — measured ${new Date().toISOString().slice(0, 10)}, load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} (${os.cpus().length} cores), ${ROUNDS} starts each, alternating; embedded PostgreSQL, one media worker, idle ${IDLE_SECONDS} s before reading RSS (the server process only, not the worker).`,
    '',
    '| server | spawn to ready /readyz p50 (ms) | max (ms) | idle RSS p50 (MB) | peak RSS (MB) |',
    '|---|---|---|---|---|',
    row('tsx'),
    row('compiled'),
  ];
  console.log(lines.join('\n'));
  if (process.env['BENCH_WRITE_DOCS'] !== '0') writeBenchSection('startup', lines);
}

await main();
