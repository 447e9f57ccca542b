import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { transition, type KioskEvent, type KioskState } from '../../../../kiosk/src/session/kiosk-state';

const run = (events: KioskEvent[], from: KioskState = { name: 'starting' }): KioskState => events.reduce(transition, from);

describe('kiosk state machine', () => {
  it('walks a walk-in call: starting -> idle -> calling -> inCall -> ended -> idle', () => {
    const states = [{ type: 'ready' }, { type: 'callRequested' }, { type: 'queued', queuePosition: 2 }, { type: 'accepted', staffName: '窓口' }, { type: 'callEnded', reason: 'completed' }, { type: 'timeout' }] as const;
    const names: string[] = [];
    let state: KioskState = { name: 'starting' };
    for (const event of states) {
      state = transition(state, event);
      names.push(state.name);
    }
    assert.deepEqual(names, ['idle', 'calling', 'calling', 'inCall', 'ended', 'idle']);
  });

  it('returns to idle when the resident cancels while waiting', () => {
    assert.deepEqual(run([{ type: 'ready' }, { type: 'callRequested' }, { type: 'cancelled' }]), { name: 'idle' });
  });

  it('ignores events that do not apply and returns the very same state object', () => {
    const idle: KioskState = { name: 'idle' };
    assert.equal(transition(idle, { type: 'accepted', staffName: null }), idle);
    assert.equal(transition(idle, { type: 'callEnded', reason: 'completed' }), idle);
  });

  it('recovers from temporary faults but stays in permanent ones', () => {
    assert.deepEqual(run([{ type: 'fault', fault: 'offline' }, { type: 'ready' }]), { name: 'idle' });
    const unregistered = run([{ type: 'fault', fault: 'unregistered' }, { type: 'ready' }, { type: 'timeout' }]);
    assert.deepEqual(unregistered, { name: 'fault', fault: 'unregistered' });
  });
});
