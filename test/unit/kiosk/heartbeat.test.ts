import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { Heartbeat } from '../../../kiosk/src/device/heartbeat';

/** Lets the answered beat's promise settle, as it would between two real 30 s ticks. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Heartbeat', () => {
  let heartbeat: Heartbeat | null = null;

  beforeEach(() => mock.timers.enable({ apis: ['setInterval'] }));
  afterEach(() => {
    heartbeat?.stop();
    mock.timers.reset();
  });

  it('heartbeat.start() beats at once and then every 30 s until stop()', async () => {
    let beats = 0;
    heartbeat = new Heartbeat({ send: async () => void (beats += 1) });
    heartbeat.start();
    assert.equal(beats, 1);
    await settle();
    mock.timers.tick(29_999);
    assert.equal(beats, 1);
    mock.timers.tick(1);
    assert.equal(beats, 2);
    await settle();
    heartbeat.stop();
    mock.timers.tick(60_000);
    assert.equal(beats, 2);
    assert.equal(heartbeat.running, false);
  });

  it('heartbeat.start() twice does not double the beat', async () => {
    let beats = 0;
    heartbeat = new Heartbeat({ send: async () => void (beats += 1), intervalMs: 1_000 });
    heartbeat.start();
    heartbeat.start();
    await settle();
    mock.timers.tick(1_000);
    assert.equal(beats, 2);
  });

  it('skips a beat while the previous one is still unanswered, and survives a rejection', async () => {
    const pending: ((ok: boolean) => void)[] = [];
    heartbeat = new Heartbeat({
      send: () => new Promise<void>((resolve, reject) => pending.push((ok) => (ok ? resolve() : reject(new Error('no ack'))))),
      intervalMs: 1_000,
    });
    heartbeat.start();
    mock.timers.tick(1_000);
    assert.equal(pending.length, 1);
    pending[0]?.(false);
    await settle();
    mock.timers.tick(1_000);
    assert.equal(pending.length, 2);
  });
});
