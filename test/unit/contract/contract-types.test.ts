import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('contract types', () => {
  it('the route and socket tables type answers, bodies, parameters and roles (test/types compiles, every @ts-expect-error still an error)', () => {
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'test', 'types'), '--noEmit', '--pretty', 'false'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, `tsc found type errors:\n${result.stdout}${result.stderr}`);
  });
});
