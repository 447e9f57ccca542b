import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

// The project's own eslint.config.js, as `npm run lint` runs it: these files need not exist.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  assert.ok(result, 'eslint linted the text');
  return result.messages.filter((m) => m.ruleId === 'madoguchi/import-boundaries').map((m) => m.message);
}

describe('import boundaries (lint)', () => {
  it('apps may import the contract, the call core, npm packages and their own files', async () => {
    const code = [
      "import { ErrorCode } from '@madoguchi/contract/errors';",
      "import { VideoView } from '@madoguchi/call-core/components/video-view';",
      "import { useState } from 'react';",
      "import { thing } from '../device/heartbeat';",
      'export const all = [ErrorCode, VideoView, useState, thing];',
    ].join('\n');
    assert.deepEqual(await boundaryErrors('kiosk/src/visit/probe.ts', code), []);
    assert.deepEqual(await boundaryErrors('client/src/features/guest/probe.ts', code.replace('../device/heartbeat', '../../app/routes')), []);
  });

  it("the kiosk may not reach into the staff app's folder, by path or by alias", async () => {
    const errors = await boundaryErrors(
      'kiosk/src/screens/probe.ts',
      [
        "import { a } from '../../../client/src/components/confirm-dialog';",
        "import { b } from '@media/call-session';",
        "import { c } from '@ui/video-view';",
        "import { d } from '@madoguchi/client/src/app/routes';",
        "import { e } from '@contract/errors';",
        'export const all = [a, b, c, d, e];',
      ].join('\n'),
    );
    assert.equal(errors.length, 5, errors.join('\n'));
    assert.match(errors[0] ?? '', /reaches outside kiosk\/src/);
  });

  it('the staff app may not import the kiosk, nor the server beyond the contract', async () => {
    const errors = await boundaryErrors(
      'client/src/app/probe.ts',
      ["import { a } from '../../../kiosk/src/visit/kiosk-state';", "import { b } from '../../../server/src/domain/consultation';", 'export const all = [a, b];'].join('\n'),
    );
    assert.equal(errors.length, 2, errors.join('\n'));
  });

  it('the call core uses only the contract: never an app', async () => {
    const errors = await boundaryErrors(
      'client/call-core/src/probe.ts',
      ["import { a } from '../../src/app/routes';", "import { b } from '@madoguchi/call-core/logger';", "import { c } from '@madoguchi/contract/errors';", 'export const all = [a, b, c];'].join('\n'),
    );
    assert.equal(errors.length, 2, errors.join('\n'));
  });
});
