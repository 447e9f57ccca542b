import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LoginGuard } from '../../../../server/src/domain/login-guard';

const waitOf = async (attempt: Promise<void>): Promise<number | null> => {
  try {
    await attempt;
    return null;
  } catch (error) {
    return (error as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
  }
};

describe('LoginGuard (issue 12, item 11)', () => {
  it('allows five tries per account and address, then a wait that doubles with each lockout', async () => {
    const guard = new LoginGuard({ prefix: 'unit' }, { firstLockSeconds: 1 });
    for (let i = 0; i < 5; i += 1) assert.equal(await waitOf(guard.admit('sato', '192.0.2.1')), null, `try ${i + 1}`);
    assert.equal(await waitOf(guard.admit('sato', '192.0.2.1')), 1, 'first lockout: the short wait');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (let i = 0; i < 5; i += 1) assert.equal(await waitOf(guard.admit('sato', '192.0.2.1')), null);
    assert.equal(await waitOf(guard.admit('sato', '192.0.2.1')), 2, 'second lockout: twice as long');
  });

  it('counts attempts made at once: of 30 in parallel, five go through', async () => {
    const guard = new LoginGuard({ prefix: 'unit-parallel' });
    const waits = await Promise.all(Array.from({ length: 30 }, () => waitOf(guard.admit('ito', '192.0.2.2'))));
    assert.equal(waits.filter((w) => w === null).length, 5);
  });

  it('never blocks an address the account logged in from, even when the account is under attack from many', async () => {
    const guard = new LoginGuard({ prefix: 'unit-known' });
    await guard.admit('kato', '198.51.100.1');
    await guard.succeeded('kato', '198.51.100.1');
    // Guessing from 60 addresses uses up the account's allowance for unknown addresses.
    await Promise.all(Array.from({ length: 60 }, (_, i) => waitOf(guard.admit('kato', `203.0.113.${i}`))));
    assert.ok((await waitOf(guard.admit('kato', '203.0.113.200'))) !== null, 'a new address waits');
    assert.equal(await waitOf(guard.admit('kato', '198.51.100.1')), null, 'the known address does not');
  });
});

describe('LoginGuard: the wait stops growing at one hour (issue 12, item 11)', () => {
  it('doubles from a minute to 32 minutes, then every further lockout of the day waits exactly an hour', async (t) => {
    // A fake clock: the counters read Date.now() for their expiry, so each wait is skipped, not slept.
    t.mock.timers.enable({ apis: ['Date'], now: Date.parse('2026-12-04T00:00:00Z') });
    const guard = new LoginGuard({ prefix: 'unit-cap' });
    const lockouts: number[] = [];
    for (let round = 0; round < 9; round += 1) {
      for (let i = 0; i < 5; i += 1) assert.equal(await waitOf(guard.admit('abe', '192.0.2.9')), null, `round ${round + 1}, try ${i + 1}`);
      const wait = await waitOf(guard.admit('abe', '192.0.2.9'));
      assert.ok(wait !== null, `round ${round + 1} ends in a lockout`);
      // Still locked a second before the wait is over, free once it is.
      t.mock.timers.tick((wait - 1) * 1000);
      assert.ok((await waitOf(guard.admit('abe', '192.0.2.9'))) !== null, `round ${round + 1}: still waiting a second before the end`);
      lockouts.push(wait);
      t.mock.timers.tick(1000);
    }
    assert.deepEqual(lockouts, [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });
});
