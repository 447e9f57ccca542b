import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../../server/src/domain/app-error';
import { Consultation } from '../../../../server/src/domain/consultation';

const kiosk = Object.freeze({ id: 'k1', name: '本庁舎', location: '1階' });
const make = (): Consultation => new Consultation('s1', kiosk, new Date('2026-01-01T00:00:00Z'));

describe('Consultation state machine', () => {
  it('starts queued and goes queued -> active -> ended', () => {
    const c = make();
    assert.equal(c.state, 'queued');
    c.setState('active');
    c.setState('ended');
    assert.equal(c.state, 'ended');
  });

  it('may end straight from queued (the resident gave up)', () => {
    const c = make();
    c.setState('ended');
    assert.equal(c.state, 'ended');
  });

  it('refuses to leave ended or to go back to queued, with INVALID_STATE', () => {
    const c = make();
    c.setState('active');
    assert.throws(() => c.setState('queued'), (e: unknown) => e instanceof AppError && e.code === 'INVALID_STATE');
    c.setState('ended');
    assert.throws(() => c.setState('active'), (e: unknown) => e instanceof AppError && e.code === 'INVALID_STATE');
  });

  it('setState to the current state does nothing', () => {
    const c = make();
    c.setState('queued');
    assert.equal(c.state, 'queued');
  });

  it('knows its participants: its kiosk always, staff only after answering', () => {
    const c = make();
    assert.equal(c.isParticipant('kiosk:k1'), true);
    assert.equal(c.isParticipant('kiosk:k2'), false);
    assert.equal(c.isParticipant('staff:u1'), false);
    c.staff = { id: 'u1', displayName: 'x' };
    assert.equal(c.isParticipant('staff:u1'), true);
    assert.equal(c.isParticipant('staff:u2'), false);
  });
});
