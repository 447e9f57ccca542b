import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verdictOf, type CheckResults } from '@madoguchi/call-core/check-verdict';

const path = (protocol: 'udp' | 'tcp', ok: boolean) => ({ protocol, ok, rttMs: ok ? 3 : null, kbps: ok ? 800 : null, error: ok ? null : 'x' });
const ALL_GOOD: CheckResults = { camera: 'ok', microphone: 'ok', speaker: 'pending', udp: path('udp', true), tcp: path('tcp', true) };

describe('connection check verdict', () => {
  it('all good when camera, microphone and UDP work (the speaker is the person’s call)', () => {
    assert.deepEqual(verdictOf(ALL_GOOD), ['allGood']);
  });
  it('UDP blocked but TCP works: usable, with a request for IT', () => {
    assert.deepEqual(verdictOf({ ...ALL_GOOD, udp: path('udp', false) }), ['tcpOnly']);
  });
  it('neither protocol: no consultations at all, first in the list', () => {
    assert.deepEqual(verdictOf({ ...ALL_GOOD, udp: path('udp', false), tcp: path('tcp', false), camera: 'failed' }), ['noMedia', 'noCamera']);
  });
  it('says nothing before the media paths have been checked', () => {
    assert.deepEqual(verdictOf({ ...ALL_GOOD, udp: null, tcp: null }), []);
  });
  it('a speaker nobody heard is reported', () => {
    assert.deepEqual(verdictOf({ ...ALL_GOOD, speaker: 'failed' }), ['noSpeaker']);
  });
});
