import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import type { MediaStatus } from '@madoguchi/call-core/call-types';
import { MediaPathGuard } from '@madoguchi/call-core/media-path-guard';

// The guard uses window timers, as in the browser.
(globalThis as unknown as { window: typeof globalThis }).window ??= globalThis;

const CONNECTED: MediaStatus = { send: 'connected', recv: 'connected' };
const CONNECTING: MediaStatus = { send: 'connecting', recv: 'connecting' };

function guard(): { guard: MediaPathGuard; calls: string[] } {
  const calls: string[] = [];
  const g = new MediaPathGuard({ timeoutMs: () => 5_000, onTryTcp: () => calls.push('tcp'), onGiveUp: () => calls.push('give up') });
  return { guard: g, calls };
}

describe('MediaPathGuard', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('no media in time over UDP: tries TCP once, then gives up after the same time over TCP', () => {
    const { guard: g, calls } = guard();
    g.watch();
    g.onState(CONNECTING);
    mock.timers.tick(4_999);
    assert.deepEqual(calls, []);
    mock.timers.tick(1);
    assert.deepEqual(calls, ['tcp']);
    assert.equal(g.protocol, 'tcp');
    g.watch();
    mock.timers.tick(5_000);
    assert.deepEqual(calls, ['tcp', 'give up']);
  });

  it('ICE failed before any media: moves on at once, without waiting out the clock', () => {
    const { guard: g, calls } = guard();
    g.watch();
    g.onState({ send: 'failed', recv: 'connecting' });
    assert.deepEqual(calls, ['tcp']);
    mock.timers.tick(10_000);
    assert.deepEqual(calls, ['tcp'], 'one step per join');
  });

  it('media that flowed is not watched again on a rejoin, until a fresh path is expected', () => {
    const { guard: g, calls } = guard();
    g.watch();
    g.onState(CONNECTED);
    mock.timers.tick(10_000);
    g.watch();
    g.onState({ send: 'failed', recv: 'failed' });
    mock.timers.tick(10_000);
    assert.deepEqual(calls, [], 'mid-call breaks are the ICE restart logic’s business');
    g.expectFreshPath();
    g.watch();
    mock.timers.tick(5_000);
    assert.deepEqual(calls, ['tcp']);
  });

  it('one side with nothing to send (no camera, no microphone): one connected transport is a working path, not a failure', () => {
    const { guard: g, calls } = guard();
    g.watch();
    // The kiosk with no devices: it receives the desk, its send transport is never used.
    g.onState({ send: 'new', recv: 'connected' });
    mock.timers.tick(10_000);
    assert.deepEqual(calls, []);
    // The desk facing it: it sends, and has nothing to receive.
    const desk = guard();
    desk.guard.watch();
    desk.guard.onState({ send: 'connected', recv: 'new' });
    mock.timers.tick(10_000);
    assert.deepEqual(desk.calls, []);
  });

  it('stop() cancels the clock (the call ended)', () => {
    const { guard: g, calls } = guard();
    g.watch();
    g.stop();
    mock.timers.tick(10_000);
    assert.deepEqual(calls, []);
  });
});
