import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_TIMINGS, stateTimeoutMs } from '../../../kiosk/src/visit/state-timeouts';

describe('stateTimeoutMs()', () => {
  it('leaves inactivity on choosing and typing screens to the idle warning', () => {
    assert.equal(stateTimeoutMs({ name: 'start' }, DEFAULT_TIMINGS), null);
    assert.equal(stateTimeoutMs({ name: 'walkIn' }, DEFAULT_TIMINGS), null);
    assert.equal(stateTimeoutMs({ name: 'checkIn', submitting: false, error: 'notFound' }, DEFAULT_TIMINGS), null);
  });

  it('warns after a minute without a touch and counts down at least 20 s (WCAG 2.2.1)', () => {
    assert.equal(DEFAULT_TIMINGS.inactivityMs, 60_000);
    assert.ok(DEFAULT_TIMINGS.idleWarningMs >= 20_000);
  });

  it('skips the survey after about 30 s', () => {
    assert.equal(stateTimeoutMs({ name: 'survey', consultationId: 's', reason: 'completed' }, DEFAULT_TIMINGS), 30_000);
  });

  it('never drops a waiting resident by itself (a long wait asks first) and leaves notices after their display time', () => {
    assert.equal(stateTimeoutMs({ name: 'calling', queuePosition: 1, residentName: null }, DEFAULT_TIMINGS), null);
    assert.equal(stateTimeoutMs({ name: 'ended', reason: 'completed' }, DEFAULT_TIMINGS), 6_000);
    assert.equal(stateTimeoutMs({ name: 'fault', fault: 'noAnswer' }, DEFAULT_TIMINGS), 8_000);
  });

  it('never times out Idle, a call, pairing or being offline', () => {
    assert.equal(stateTimeoutMs({ name: 'idle' }, DEFAULT_TIMINGS), null);
    assert.equal(stateTimeoutMs({ name: 'inCall', staffName: null }, DEFAULT_TIMINGS), null);
    assert.equal(stateTimeoutMs({ name: 'pairing', reason: 'unregistered', submitting: false, error: null }, DEFAULT_TIMINGS), null);
    assert.equal(stateTimeoutMs({ name: 'fault', fault: 'offline' }, DEFAULT_TIMINGS), null);
  });
});
