#!/usr/bin/env node
// Runs test suites (unit, integration, e2e) with node's own test runner through tsx.
// Node 20's --test takes no globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSetup } from './setup/ensure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suites = process.argv.slice(2);
// Browser suites start Chromium and mediasoup; running their files one at a time keeps
// the 2-core machine from measuring itself.
const serialSuites = new Set(['e2e', 'integration']);

function listTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listTests(full);
    return name.endsWith('.test.ts') ? [full] : [];
  }).sort();
}

// Whatever set-up is missing first (packages, worker, builds): the tests run the current code.
await ensureSetup('test');

let failed = false;
for (const suite of suites) {
  const files = listTests(path.join(root, 'test', suite));
  if (files.length === 0) {
    console.error(`no test files in test/${suite}`);
    failed = true;
    continue;
  }
  console.log(`\n=== ${suite}: ${files.length} files ===`);
  if (suite === 'integration' && !process.env.DATABASE_URL) {
    console.log('(no DATABASE_URL: the integration suites run on the embedded PostgreSQL only; set DATABASE_URL=postgres://… to test a PostgreSQL server too)');
  }
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec'];
  if (serialSuites.has(suite)) args.push('--test-concurrency=1');
  const result = spawnSync(process.execPath, [...args, ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { LOG_LEVEL: 'warn', ...process.env, TZ: 'UTC' },
  });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
