import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueueEntry } from '@madoguchi/contract/consultation';
import { newArrivals } from '../../../../client/src/features/consultations/use-arrival-alert';
import { consoleEn, consoleJa } from '../../../../client/src/i18n/console-messages';

const entry = (consultationId: string) => ({ consultationId }) as QueueEntry;

describe('arrival alert', () => {
  it('newArrivals() names only the residents not in the previous queue', () => {
    assert.deepEqual(newArrivals(new Set(['a']), [entry('a'), entry('b')]), ['b']);
    assert.deepEqual(newArrivals(new Set(['a', 'b']), [entry('b')]), []);
  });

  it('the tab title reads 「(n) 呼び出し」', () => {
    assert.equal(consoleJa.availability.titleCalling(1), '(1) 呼び出し');
    assert.equal(consoleEn.availability.titleCalling(2), '(2) Calling');
  });
});
