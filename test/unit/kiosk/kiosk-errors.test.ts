import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInErrorOf, pairingErrorOf } from '../../../kiosk/src/visit/kiosk-errors';

describe('checkInErrorOf()', () => {
  it('tells the resident to check the number for every refusal of the code', () => {
    for (const code of ['NOT_FOUND', 'BAD_REQUEST', 'INVALID_STATE', 'CONFLICT', 'FORBIDDEN']) {
      assert.equal(checkInErrorOf({ code }), 'notFound', code);
    }
  });

  it('says when a booking is outside its check-in window', () => {
    assert.equal(checkInErrorOf({ code: 'INVALID_STATE', details: { reason: 'too_early' } }), 'tooEarly');
    assert.equal(checkInErrorOf({ code: 'INVALID_STATE', details: { reason: 'too_late' } }), 'tooLate');
  });

  it('asks to wait when the server throttles check-ins', () => {
    assert.equal(checkInErrorOf({ code: 'RATE_LIMITED' }), 'rateLimited');
  });

  it('blames the connection for timeouts and unavailability', () => {
    assert.equal(checkInErrorOf({ code: 'TIMEOUT' }), 'offline');
    assert.equal(checkInErrorOf({ code: 'UNAVAILABLE' }), 'offline');
  });
});

describe('pairingErrorOf()', () => {
  it('maps HTTP answers to what the installer can do about them', () => {
    assert.equal(pairingErrorOf({ status: 404, code: 'NOT_FOUND' }), 'wrongCode');
    assert.equal(pairingErrorOf({ status: 400, code: 'BAD_REQUEST' }), 'wrongCode');
    assert.equal(pairingErrorOf({ status: 429, code: null }), 'rateLimited');
    assert.equal(pairingErrorOf({ status: 0, code: null }), 'offline');
    assert.equal(pairingErrorOf({ status: 503, code: 'UNAVAILABLE' }), 'offline');
    assert.equal(pairingErrorOf(new Error('boom')), 'offline');
  });
});
