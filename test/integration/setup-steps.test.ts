import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

/**
 * The set-up that `npm start` and `npm test` do by themselves (scripts/setup/), run in scratch
 * copies of the project so that nothing here is installed, removed or rebuilt for real.
 */
function run(cwd: string, script: string, args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', MADOGUCHI_SETUP_PRETEND_MISSING: '', MADOGUCHI_SETUP_PRETEND_NOT_ROOT: '', ...env },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** package.json, the lockfile and scripts/: what a fresh clone has before any set-up. */
function bareCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-setup-bare-'));
  for (const file of ['package.json', 'package-lock.json', '.npmrc']) cpSync(file, path.join(dir, file));
  cpSync('scripts', path.join(dir, 'scripts'), { recursive: true });
  return dir;
}

describe('set-up: a missing Debian package stops everything and names the command', () => {
  let dir: string;
  before(() => {
    dir = bareCopy();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('npm start without root: prints the exact sudo apt-get line and installs nothing', () => {
    const { status, output } = run(dir, 'scripts/start.mjs', [], { MADOGUCHI_SETUP_PRETEND_MISSING: 'libsrtp2-dev,madoguchi-no-such-package', MADOGUCHI_SETUP_PRETEND_NOT_ROOT: '1' });
    assert.equal(status, 1, output);
    assert.match(output, /FAILED at the Debian packages: missing Debian packages: libsrtp2-dev/);
    assert.ok(output.includes('sudo apt-get update && sudo apt-get install -y --no-install-recommends libsrtp2-dev'), output);
    // A package the start-up does not need is not asked for.
    assert.ok(!output.includes('madoguchi-no-such-package'), output);
    assert.deepEqual(readdirSync(dir).sort(), ['.npmrc', 'package-lock.json', 'package.json', 'scripts'], 'nothing was installed or built');
  });

  it('npm test also wants the browser and ffmpeg', () => {
    const { status, output } = run(dir, 'scripts/setup.mjs', ['--test'], { MADOGUCHI_SETUP_PRETEND_MISSING: 'chromium,ffmpeg', MADOGUCHI_SETUP_PRETEND_NOT_ROOT: '1' });
    assert.equal(status, 1, output);
    assert.ok(output.includes('sudo apt-get install -y --no-install-recommends chromium ffmpeg'), output);
    assert.deepEqual(readdirSync(dir).sort(), ['.npmrc', 'package-lock.json', 'package.json', 'scripts']);
  });

  it('npm test wants firefox-esr once a browser test drives Firefox', () => {
    const withFirefox = bareCopy();
    try {
      const pretend = { MADOGUCHI_SETUP_PRETEND_MISSING: 'firefox-esr', MADOGUCHI_SETUP_PRETEND_NOT_ROOT: '1' };
      // No Firefox test: firefox-esr is not asked for (--check-packages-only stops after the packages).
      const before = run(withFirefox, 'scripts/setup.mjs', ['--test', '--check-packages-only'], pretend);
      assert.equal(before.status, 0, before.output);
      assert.ok(!before.output.includes('firefox-esr'), before.output);
      mkdirSync(path.join(withFirefox, 'test/e2e'), { recursive: true });
      writeFileSync(path.join(withFirefox, 'test/e2e/staff-firefox.test.ts'), `const FIREFOX = '/usr/bin/firefox-esr';\n`);
      const after = run(withFirefox, 'scripts/setup.mjs', ['--test', '--check-packages-only'], pretend);
      assert.equal(after.status, 1, after.output);
      assert.ok(after.output.includes('sudo apt-get install -y --no-install-recommends firefox-esr'), after.output);
    } finally {
      rmSync(withFirefox, { recursive: true, force: true });
    }
  });
});

describe('set-up: a failing step names itself, says what to do and leaves nothing to trust', () => {
  let dir: string;
  before(() => {
    // The sources and this clone's installed packages (their stamps match, so those steps are skipped).
    dir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-setup-fail-'));
    for (const file of ['package.json', 'package-lock.json', '.npmrc', 'tsconfig.json']) cpSync(file, path.join(dir, file));
    for (const folder of ['scripts', 'server/src', 'sfu/src']) cpSync(folder, path.join(dir, folder), { recursive: true });
    for (const file of ['server/package.json', 'server/tsconfig.json', 'sfu/package.json', 'sfu/tsconfig.json']) cpSync(file, path.join(dir, file));
    symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
    const main = path.join(dir, 'server/src/main.ts');
    writeFileSync(main, `${readFileSync(main, 'utf8')}\nconst broken = ;\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a compile error stops at the server step with its output, and the next run tries that step again', () => {
    for (const attempt of [1, 2]) {
      const { status, output } = run(dir, 'scripts/setup.mjs', []);
      assert.equal(status, 1, output);
      assert.match(output, /FAILED at step 4\/\d+ \(compiling the server to JavaScript \(esbuild\)\)/, `attempt ${attempt}: ${output}`);
      assert.match(output, /\[ERROR\][\s\S]*server\/src\/main\.ts:\d+:\d+/, 'the compiler error is shown with its place');
      assert.match(output, /full output: .*\.setup-logs\/build-server\.log/);
      assert.match(output, /What to do: Run 'npm run typecheck'/);
      assert.ok(!existsSync(path.join(dir, 'server/dist')), 'no half-built server/dist');
      assert.deepEqual(readdirSync(path.join(dir, 'server')).filter((name) => name.startsWith('dist')), [], 'no temporary build folder left');
    }
  });
});
