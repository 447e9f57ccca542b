import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres';

/** One real server process (`server/src/main.ts`), killed and started again by the test. */
export interface ServerProcess {
  readonly url: string;
  readonly nodeId: string;
  child: ChildProcess;
  start(): Promise<void>;
  /** SIGKILL: no shutdown code runs, exactly like a crash or a pulled plug. Resolves when it is gone; returns the kill time. */
  kill(): Promise<number>;
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  port: number;
  nodeId: string;
  databaseUrl: string;
  /** Shared by the nodes of a test: the JWT secret and the demo kiosk's credential live there. */
  dataDir: string;
  env?: Record<string, string>;
}

export function serverProcess(options: ServerProcessOptions): ServerProcess {
  const url = `http://127.0.0.1:${options.port}`;
  const proc: ServerProcess = {
    url,
    nodeId: options.nodeId,
    child: undefined as unknown as ChildProcess,
    async start() {
      // Already running (a test run with --test-name-pattern skips the test that killed it).
      if (proc.child && proc.child.exitCode === null && proc.child.signalCode === null) return;
      proc.child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        env: {
          ...process.env,
          PORT: String(options.port),
          HOST: '127.0.0.1',
          DATA_DIR: options.dataDir,
          DATABASE_URL: options.databaseUrl,
          NODE_ID: options.nodeId,
          LOG_LEVEL: 'warn',
          SFU_WORKERS: '1',
          NODE_ENV: 'development',
          ...options.env,
        },
        stdio: ['ignore', process.env['SHOW_NODE_LOGS'] ? 'inherit' : 'ignore', 'inherit'],
      });
      // tsx compiles the server at start: on a machine shared by several suites (load 50-90) that
      // alone has taken over a minute.
      const deadline = Date.now() + 180_000;
      while (!(await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) {
        if (Date.now() > deadline || proc.child.exitCode !== null) throw new Error(`${options.nodeId} did not become ready`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async kill() {
      const exited = new Promise((resolve) => proc.child.once('exit', resolve));
      const at = Date.now();
      proc.child.kill('SIGKILL');
      await exited;
      return at;
    },
    async stop() {
      if (!proc.child || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
      const exited = new Promise((resolve) => proc.child.once('exit', resolve));
      proc.child.kill('SIGTERM');
      await exited;
    },
  };
  return proc;
}

/** A database several server processes share: a fresh one on DATABASE_URL's server, or an embedded engine. */
export async function sharedDatabase(): Promise<{ url: string; dataDir: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-nodes-'));
  chmodSync(dataDir, 0o755);
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    const engineDir = path.join(dataDir, 'engine');
    const embedded = await startEmbeddedPostgres(engineDir);
    return {
      url: embedded.url,
      dataDir,
      async close() {
        await embedded.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `nodes_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    async close() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const demoKioskCredential = (dataDir: string): string => readFileSync(path.join(dataDir, 'demo-kiosk-credential'), 'utf8').trim();

/** Reads from the shared database directly (the test's own view of the records). */
export async function queryRows<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A real server process logging at debug level on a data folder of its own, for the tests that read its whole log. */
export interface LoggingServer {
  readonly url: string;
  readonly dataDir: string;
  /** Everything it has written to stdout and stderr so far. */
  readonly output: string;
  /** SIGTERM, then removes its data folder. */
  stop(): Promise<void>;
}

export async function startLoggingServer(options: { port: number; databaseUrl: string; dataDirPrefix: string }): Promise<LoggingServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), options.dataDirPrefix));
  chmodSync(dataDir, 0o755);
  const url = `http://127.0.0.1:${options.port}`;
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, PORT: String(options.port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'debug', SFU_WORKERS: '1', DATABASE_URL: options.databaseUrl, REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const server: LoggingServer = {
    url,
    dataDir,
    get output() {
      return output;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await server.stop();
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return server;
}
