import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeyedMutex } from '../../../../server/src/domain/keyed-mutex';

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('KeyedMutex', () => {
  it('runs operations on one key in order, even when an earlier one is slower', async () => {
    const mutex = new KeyedMutex();
    const order: string[] = [];
    await Promise.all([
      mutex.run('a', async () => {
        await tick(20);
        order.push('first');
      }),
      mutex.run('a', async () => {
        order.push('second');
      }),
    ]);
    assert.deepEqual(order, ['first', 'second']);
  });

  it('keeps going after an operation fails, and reports the failure to its caller only', async () => {
    const mutex = new KeyedMutex();
    await assert.rejects(mutex.run('a', async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await mutex.run('a', async () => 42), 42);
  });

  it('lets different keys run concurrently', async () => {
    const mutex = new KeyedMutex();
    const order: string[] = [];
    await Promise.all([
      mutex.run('a', async () => {
        await tick(20);
        order.push('a');
      }),
      mutex.run('b', async () => {
        order.push('b');
      }),
    ]);
    assert.deepEqual(order, ['b', 'a']);
  });
});
