import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { IdleWatch } from '../../../kiosk/src/visit/idle-watch';

interface Ctx {
  watch: IdleWatch;
  warnings: (number | null)[];
  expired: number;
}

function makeWatch(): Ctx {
  const ctx: Ctx = { watch: null as unknown as IdleWatch, warnings: [], expired: 0 };
  ctx.watch = new IdleWatch({
    warnAfterMs: 60_000,
    warningMs: 20_000,
    onWarning: (endsAt) => ctx.warnings.push(endsAt),
    onExpired: () => (ctx.expired += 1),
  });
  return ctx;
}

describe('IdleWatch', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 }));
  afterEach(() => mock.timers.reset());

  it('watch.arm() warns after the quiet time with the time the warning runs out', () => {
    const ctx = makeWatch();
    ctx.watch.arm();
    mock.timers.tick(59_999);
    assert.deepEqual(ctx.warnings, []);
    mock.timers.tick(1);
    assert.deepEqual(ctx.warnings, [1_000_000 + 60_000 + 20_000]);
    assert.equal(ctx.watch.warning, 1_080_000);
  });

  it('expires once when nobody answers the warning, and clears it', () => {
    const ctx = makeWatch();
    ctx.watch.arm();
    mock.timers.tick(60_000);
    mock.timers.tick(20_000);
    assert.equal(ctx.expired, 1);
    assert.equal(ctx.watch.warning, null);
    mock.timers.tick(200_000);
    assert.equal(ctx.expired, 1, 'not armed again by itself');
  });

  it('watch.touch() during the warning dismisses it and starts the quiet time again', () => {
    const ctx = makeWatch();
    ctx.watch.arm();
    mock.timers.tick(60_000);
    mock.timers.tick(10_000);
    ctx.watch.touch();
    assert.equal(ctx.watch.warning, null);
    mock.timers.tick(30_000);
    assert.equal(ctx.expired, 0);
    mock.timers.tick(30_000);
    mock.timers.tick(20_000);
    assert.equal(ctx.expired, 1);
  });

  it('watch.touch() does nothing unless armed, and stop() cancels everything', () => {
    const ctx = makeWatch();
    ctx.watch.touch();
    mock.timers.tick(200_000);
    assert.deepEqual(ctx.warnings, []);
    ctx.watch.arm();
    mock.timers.tick(60_000);
    mock.timers.tick(5_000);
    ctx.watch.stop();
    mock.timers.tick(200_000);
    assert.equal(ctx.expired, 0);
    assert.deepEqual(ctx.warnings, [1_200_000 + 80_000, null]);
  });
});
