import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { builtinModules } from 'node:module';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const PRODUCTION_DEPENDENCIES = new Set(
  ['server/package.json', 'sfu/package.json'].flatMap((file) => Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { dependencies: Record<string, string> }).dependencies)),
);

/** Every package the compiled file imports, static or dynamic. */
function importsOf(source: string): string[] {
  const found = [...source.matchAll(/(?:^|\n)import\s[^;]*?from\s*"([^"]+)"|(?:^|\n)import\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)|\brequire\(\s*"([^"]+)"\s*\)/g)];
  return [...new Set(found.map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? ''))];
}

describe('the compiled production server (npm start runs JavaScript, not TypeScript)', () => {
  const outDir = path.resolve(`server/dist.tmp-test-${process.pid}`);
  after(() => rmSync(outDir, { recursive: true, force: true }));

  it('compiles the current sources into one file that imports only node built-ins and production dependencies', () => {
    const build = spawnSync(process.execPath, ['scripts/build-server.mjs', '--outdir', outDir], { encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const source = readFileSync(path.join(outDir, 'main.js'), 'utf8');
    const imports = importsOf(source);
    assert.ok(imports.includes('express') && imports.includes('mediasoup'), `found the imports: ${imports.join(' ')}`);
    const builtins = new Set(builtinModules);
    const stray = imports.filter((name) => {
      if (name.startsWith('node:') || builtins.has(name)) return false;
      const pkg = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : (name.split('/')[0] ?? name);
      return !PRODUCTION_DEPENDENCIES.has(pkg) || pkg.startsWith('@madoguchi/');
    });
    assert.deepEqual(stray, [], 'no dev dependency, workspace source or TypeScript file is needed at run time');
    assert.doesNotMatch(source, /\.tsx?"/, 'no import of a .ts file');
  });

  describe('npm start (scripts/start.mjs) with everything in place', () => {
    let child: ChildProcess;
    let dataDir: string;
    let output = '';
    const port = 3500 + Math.floor(Math.random() * 200);
    const url = `http://127.0.0.1:${port}`;

    before(async () => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-start-'));
      chmodSync(dataDir, 0o755);
      // A module hook makes any load of tsx, typescript, esbuild or vite an error.
      child = spawn(process.execPath, ['--import', './test/fixtures/forbid-toolchain.mjs', 'scripts/start.mjs'], {
        env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SFU_WORKERS: '1', DATABASE_URL: '', REDIS_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const deadline = Date.now() + 90_000;
      while (!(await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`npm start did not get ready:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    after(async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('skips the finished set-up, serves the apps and stops cleanly on SIGTERM', async () => {
      const check = /\[setup\] everything in place \(\d+ stamps checked in ([\d.]+) (m?s)\)/.exec(output);
      assert.ok(check, output);
      const checkMs = Number(check[1]) * (check[2] === 's' ? 1000 : 1);
      assert.ok(checkMs < 1000, `the stamp check took ${checkMs} ms`);
      assert.match(output, /Madoguchi is running\./);
      assert.match(output, /Kiosk app: {2}http:\/\/localhost:\d+\/kiosk\/#credential=/);
      assert.doesNotMatch(output, /TypeScript toolchain loaded/);
      const kiosk = await fetch(`${url}/kiosk/`);
      assert.equal(kiosk.status, 200);
      assert.match(await kiosk.text(), /<div id="root">/);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0, output);
    });
  });
});
