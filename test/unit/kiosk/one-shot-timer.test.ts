import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { OneShotTimer } from '../../../kiosk/src/visit/one-shot-timer';

describe('OneShotTimer', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('timer.set() runs once after the delay and is no longer pending', () => {
    const timer = new OneShotTimer();
    let runs = 0;
    timer.set(1_000, () => (runs += 1));
    assert.equal(timer.pending, true);
    mock.timers.tick(1_000);
    mock.timers.tick(5_000);
    assert.equal(runs, 1);
    assert.equal(timer.pending, false);
  });

  it('timer.set() replaces the pending run, and clear() cancels it', () => {
    const timer = new OneShotTimer();
    const runs: string[] = [];
    timer.set(1_000, () => runs.push('first'));
    timer.set(2_000, () => runs.push('second'));
    mock.timers.tick(2_000);
    assert.deepEqual(runs, ['second']);
    timer.set(1_000, () => runs.push('third'));
    timer.clear();
    mock.timers.tick(5_000);
    assert.deepEqual(runs, ['second']);
  });
});
