// The release id (server/src/release/build-id.ts): the same for the same built apps, different
// when any app's index.html (which names its content-hashed files) changes.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { releaseBuildId } from '../../../server/src/release/build-id';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function builtRoot(kioskEntry: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-release-'));
  roots.push(root);
  for (const [dist, entry] of [['client/dist', '/assets/index-Ab12.js'], ['kiosk/dist', kioskEntry], ['booking/dist', '/book/assets/main-Cd34.js']] as const) {
    mkdirSync(path.join(root, dist), { recursive: true });
    writeFileSync(path.join(root, dist, 'index.html'), `<!doctype html><script type="module" src="${entry}"></script>`);
  }
  return root;
}

describe('releaseBuildId', () => {
  it('is the same for two copies of one build (two nodes) and changes with an app', () => {
    const a = releaseBuildId(builtRoot('/kiosk/assets/index-Ef56.js'));
    const b = releaseBuildId(builtRoot('/kiosk/assets/index-Ef56.js'));
    const c = releaseBuildId(builtRoot('/kiosk/assets/index-Zz99.js'));
    assert.match(a, /^[0-9a-f]{16}$/);
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('takes MADOGUCHI_BUILD_ID over the computed id', () => {
    assert.equal(releaseBuildId(builtRoot('/kiosk/assets/index-Ef56.js'), 'v2026.12.05'), 'v2026.12.05');
  });

  it('says `unbuilt` when no app is built (vite dev servers)', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-release-'));
    roots.push(root);
    assert.equal(releaseBuildId(root), 'unbuilt');
  });
});
