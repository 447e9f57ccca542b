/**
 * bench:signalling — 500 idle kiosks connected (heartbeats running) and staff clients sending
 * acknowledged requests in a closed loop, against a server process of its own: once with the
 * in-memory adapter, once with the Redis adapter (multi-node mode), side by side.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KioskRegistered, PairKioskResponse } from '@madoguchi/contract/kiosks';
import { kioskToken, loginStaff, postJson } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, request, type TestSocket } from '../helpers/socket-client';
import { percentile, writeBenchSection } from './bench-docs';

const KIOSKS = Number(process.env['BENCH_KIOSKS'] ?? 500);
const STAFF_SOCKETS = 16;
const IN_FLIGHT_PER_SOCKET = 4;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

interface ModeResult {
  mode: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  serverPeakMb: number;
  workerPeakMb: number;
}

function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function startServerProcess(redis: boolean): Promise<{ url: string; dataDir: string; child: ChildProcess }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-bench-'));
  chmodSync(dataDir, 0o755);
  const port = 3900 + Math.floor(Math.random() * 90);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SFU_WORKERS: '1',
      DEMO_SEED: 'true',
      DATABASE_URL: '',
      // Capacity, not the flood limits, is measured: 500 kiosks share one address and loop.
      SOCKETS_PER_ADDRESS: '100000',
      SOCKET_REQUESTS_PER_SECOND: '10000',
      KIOSK_QUEUE_ACTIONS_PER_MINUTE: '100000',
      ...(redis ? { REDIS_URL, NODE_ID: `bench-${process.pid}` } : { REDIS_URL: '' }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('server did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, dataDir, child };
}

async function runMode(mode: string, redis: boolean): Promise<ModeResult> {
  const server = await startServerProcess(redis);
  const sockets: TestSocket[] = [];
  try {
    const adminLogin = await loginStaff(server.url, 'demo-admin', 'madoguchi-demo');
    const admin = restClient(server.url, adminLogin.accessToken);
    // 500 distinct kiosks, each paired and holding its own token, as in a prefecture.
    const tokens: string[] = [];
    for (let i = 0; i < KIOSKS; i += 1) {
      const registered = expectStatus(await admin.call<KioskRegistered>('createKiosk', { body: { name: `端末${i}`, location: `拠点${i}` } }), 201);
      const paired = await postJson(`${server.url}/api/kiosk/pair`, { code: registered.pairing.code });
      tokens.push((await kioskToken(server.url, (paired.body as PairKioskResponse).credential)).accessToken);
    }
    for (let i = 0; i < KIOSKS; i += 50) {
      sockets.push(...(await Promise.all(tokens.slice(i, i + 50).map((token) => connectSocket(server.url, token)))));
    }
    const kiosks = sockets.slice();
    const heartbeats = setInterval(() => {
      // Every kiosk beats every 30 s, spread over the interval.
      for (const [i, socket] of kiosks.entries()) if (i % 30 === Math.floor(Date.now() / 1000) % 30) void request(socket, 'heartbeat', {});
    }, 1000);
    const staffToken = (await loginStaff(server.url, 'demo-staff', 'madoguchi-demo')).accessToken;
    const staff = await Promise.all(Array.from({ length: STAFF_SOCKETS }, () => connectSocket(server.url, staffToken)));
    sockets.push(...staff);

    // Queue changes keep broadcasting (through the adapter in multi-node mode).
    const churnKiosk = kiosks[0];
    let churning = true;
    const churn = (async () => {
      while (churning && churnKiosk) {
        const called = await request(churnKiosk, 'callStaff', {});
        if (called.ok) await request(churnKiosk, 'cancelCall', { consultationId: called.data.consultationId });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    const latencies: number[] = [];
    const until = performance.now() + SECONDS * 1000;
    const loop = async (socket: TestSocket): Promise<void> => {
      while (performance.now() < until) {
        const started = performance.now();
        expectOk(await request(socket, 'getQueue', {}));
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(staff.flatMap((socket) => Array.from({ length: IN_FLIGHT_PER_SOCKET }, () => loop(socket))));
    const elapsed = (performance.now() - started) / 1000;
    churning = false;
    await churn;
    clearInterval(heartbeats);
    const serverPid = server.child.pid ?? 0;
    const workerPeakMb = Math.max(0, ...childPids(serverPid).map(peakRssMb));
    return {
      mode,
      requests: latencies.length,
      perSecond: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      serverPeakMb: peakRssMb(serverPid),
      workerPeakMb,
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const results = [await runMode('in-memory adapter (one node)', false), await runMode('Redis adapter (multi-node mode)', true)];
  const lines = [
    '| adapter | acked requests | per second | p50 ms | p99 ms | server peak RSS MB | worker peak RSS MB |',
    '|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.mode} | ${r.requests} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.serverPeakMb.toFixed(0)} | ${r.workerPeakMb.toFixed(0)} |`),
  ];
  const [memory, redis] = results;
  const overhead = `Adapter overhead: p99 ${((redis?.p99 ?? 0) - (memory?.p99 ?? 0)).toFixed(1)} ms, throughput ratio Redis / in-memory ${((redis?.perSecond ?? 0) / (memory?.perSecond ?? 1)).toFixed(2)}.`;
  const load = `Load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.`;
  process.stdout.write(`\n${lines.join('\n')}\n\n${overhead}\n${load}\n`);
  writeBenchSection('signalling', [
    '## bench:signalling',
    '',
    `\`npm run bench:signalling\` — ${KIOSKS} paired kiosks connected with heartbeats every 30 s, a kiosk calling and cancelling every 100 ms (queue broadcasts), and ${STAFF_SOCKETS} staff sockets × ${IN_FLIGHT_PER_SOCKET} requests in flight sending \`getQueue\` for ${SECONDS} s; the server in its own process (one mediasoup worker, embedded PostgreSQL), the clients in the bench process on the same 2-core machine, ${new Date().toISOString().slice(0, 10)}. Goal: >= 5,000 acked requests/s, p99 <= 50 ms, adapter overhead p99 <= 10 ms.`,
    '',
    ...lines,
    '',
    overhead,
    load,
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
