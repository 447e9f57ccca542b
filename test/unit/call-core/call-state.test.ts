import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CALL_TRANSITIONS, callTransition, type CallEvent, type CallState } from '@madoguchi/call-core/call/call-state';

const STATES: CallState[] = ['idle', 'calling', 'joining', 'inCall'];
const EVENTS: CallEvent[] = ['queued', 'answered', 'joined', 'transferred', 'ended'];

describe('CallState transitions', () => {
  it('a kiosk: waits, is answered, joins, talks, ends', () => {
    let state: CallState = 'idle';
    for (const [event, expected] of [
      ['queued', 'calling'],
      ['answered', 'joining'],
      ['joined', 'inCall'],
      ['ended', 'idle'],
    ] as const) {
      state = callTransition(state, event);
      assert.equal(state, expected, `after ${event}`);
    }
  });

  it('a desk or a guest goes straight to joining; a transfer sends the kiosk back to waiting', () => {
    assert.equal(callTransition('idle', 'answered'), 'joining');
    assert.equal(callTransition('inCall', 'transferred'), 'calling');
    assert.equal(callTransition('joining', 'transferred'), 'calling');
  });

  it('a rejoin during a call keeps it in the call, and a late event changes nothing', () => {
    assert.equal(callTransition('inCall', 'answered'), 'inCall', 'a reconnect rejoins without leaving inCall');
    assert.equal(callTransition('idle', 'joined'), 'idle', 'a join answered after the call ended');
    assert.equal(callTransition('idle', 'ended'), 'idle');
    assert.equal(callTransition('calling', 'joined'), 'calling', 'media before the answer is not a call');
  });

  it('every state has a way back to idle except idle itself, and no event leads anywhere undeclared', () => {
    for (const state of STATES) {
      if (state !== 'idle') assert.equal(callTransition(state, 'ended'), 'idle', state);
      for (const event of EVENTS) {
        const next = callTransition(state, event);
        assert.ok(next === state || CALL_TRANSITIONS[state][event] === next, `${state} --${event}--> ${next}`);
      }
    }
  });
});
