import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Appointment } from '@madoguchi/contract/appointments';
import { ErrorCode } from '@madoguchi/contract/errors';
import { ApiError } from '../../../../client/src/api/api-error';
import { conflictsFrom } from '../../../../client/src/features/appointments/appointment-conflicts';
import {
  draftChanges,
  draftFromAppointment,
  draftSlot,
  draftToCreate,
  emptyDraft,
  validateDraft,
} from '../../../../client/src/features/appointments/appointment-draft';
import type { AppointmentDraft } from '../../../../client/src/features/appointments/appointment-draft';
import { appointmentMessages } from '../../../../client/src/i18n/appointment-messages';

const DEPT = '11111111-1111-4111-8111-111111111111';
const KIOSK = '22222222-2222-4222-8222-222222222222';
const STAFF = '33333333-3333-4333-8333-333333333333';

const original: Appointment = Object.freeze({
  id: '44444444-4444-4444-8444-444444444444',
  status: 'scheduled',
  departmentId: DEPT,
  departmentName: '福祉課',
  kioskId: KIOSK,
  kioskName: '北支所',
  kioskLocation: '北支所 1階',
  kioskAddress: '',
  staffId: null,
  staffName: null,
  // 01:00 UTC is 10:00 in Japan.
  startsAt: '2026-11-24T01:00:00.000Z',
  endsAt: '2026-11-24T01:30:00.000Z',
  residentName: '山田 一郎',
  residentKana: 'ヤマダ イチロウ',
  preferredLanguage: 'ja',
  needs: { interpreter: false, hearingSupport: false, wheelchair: false, other: '' },
  topic: '',
  notes: '',
  checkInCode: '123456',
  consultationId: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
}) as Appointment;

const complete = (patch: Partial<AppointmentDraft> = {}): AppointmentDraft => ({
  ...emptyDraft({ date: '2026-11-24', startTime: '10:00', kioskId: KIOSK, departmentId: DEPT }),
  residentName: '山田 一郎',
  ...patch,
});

describe('appointment drafts', () => {
  it('draftSlot() builds +09:00 instants from the Japan date and time typed', () => {
    assert.deepEqual(draftSlot({ date: '2026-11-24', startTime: '10:00', durationMinutes: 30 }), {
      startsAt: '2026-11-24T10:00:00+09:00',
      endsAt: '2026-11-24T10:30:00+09:00',
    });
    assert.deepEqual(draftSlot({ date: '2026-12-31', startTime: '23:30', durationMinutes: 60 }), {
      startsAt: '2026-12-31T23:30:00+09:00',
      endsAt: '2027-01-01T00:30:00+09:00',
    });
    assert.equal(draftSlot({ date: '2026-11-24', startTime: '', durationMinutes: 30 }), null);
  });

  it('draftFromAppointment() reads UTC instants back as Japan date, time and duration', () => {
    const draft = draftFromAppointment(original);
    assert.equal(draft.date, '2026-11-24');
    assert.equal(draft.startTime, '10:00');
    assert.equal(draft.durationMinutes, 30);
    assert.equal(draft.staffId, '');
  });

  it('draftToCreate() trims text and sends nobody assigned as null', () => {
    const body = draftToCreate(complete({ residentName: '  山田 一郎 ', topic: ' 児童手当 ' }));
    assert.equal(body.residentName, '山田 一郎');
    assert.equal(body.topic, '児童手当');
    assert.equal(body.staffId, null);
    assert.equal(body.startsAt, '2026-11-24T10:00:00+09:00');
  });

  it('draftChanges() is empty when nothing changed, even though the offsets differ', () => {
    assert.deepEqual(draftChanges(draftFromAppointment(original), original), {});
  });

  it('draftChanges() sends a reschedule as the new slot only', () => {
    const moved = { ...draftFromAppointment(original), startTime: '11:00', staffId: STAFF };
    assert.deepEqual(draftChanges(moved, original), {
      staffId: STAFF,
      startsAt: '2026-11-24T11:00:00+09:00',
      endsAt: '2026-11-24T11:30:00+09:00',
    });
  });

  it('validateDraft() names every missing field', () => {
    const problems = validateDraft(emptyDraft({ date: '', startTime: '' }));
    assert.deepEqual(problems, { departmentId: 'required', kioskId: 'required', date: 'required', startTime: 'required', residentName: 'required' });
  });

  it('validateDraft() accepts kana only in the reading, and limits lengths', () => {
    assert.deepEqual(validateDraft(complete({ residentKana: 'Yamada' })), { residentKana: 'kanaOnly' });
    assert.deepEqual(validateDraft(complete({ residentKana: 'やまだ イチロウ' })), {});
    assert.deepEqual(validateDraft(complete({ topic: 'あ'.repeat(121) })), { topic: 'tooLong' });
  });

  it('validateDraft() refuses a slot that started long ago when given the clock (a new or moved booking), and a walk-in started minutes ago not', () => {
    // 2026-11-24 10:00–10:30 in Japan is 01:00–01:30 UTC.
    assert.deepEqual(validateDraft(complete({ date: '2025-11-24' }), new Date('2026-11-24T00:00:00Z')), { date: 'past' });
    assert.deepEqual(validateDraft(complete(), new Date('2026-11-24T01:30:00Z')), { date: 'past' }, 'over at its end');
    assert.deepEqual(validateDraft(complete(), new Date('2026-11-24T01:10:00Z')), {}, 'started ten minutes ago: a walk-in booked for now');
    assert.deepEqual(validateDraft(complete(), new Date('2026-11-24T01:20:00Z')), { date: 'past' }, 'started twenty minutes ago: the server refuses it too');
    assert.deepEqual(validateDraft(complete({ date: '2025-11-24' })), {}, 'without the clock (an unmoved old booking) no check');
  });

  it('validateDraft() follows the town\'s no-show grace: with NO_SHOW_GRACE_MINUTES=30 a slot begun twenty minutes ago is a walk-in, and the message names 30 minutes', () => {
    assert.deepEqual(validateDraft(complete(), new Date('2026-11-24T01:20:00Z'), 30), {}, 'not a no-show yet in this town');
    assert.deepEqual(validateDraft(complete(), new Date('2026-11-24T01:31:00Z'), 30), { date: 'past' });
    assert.match(appointmentMessages.problem('date', 'past', 30), /30分前まで/);
    assert.match(appointmentMessages.problem('date', 'past'), /15分前まで/, 'the contract\'s default until the server has said');
  });

  it('validateDraft() lets the contract refuse what no field check covers', () => {
    assert.deepEqual(validateDraft(complete({ kioskId: 'not-a-uuid' })), { kioskId: 'invalid' });
  });

  it('conflictsFrom() reads the 409 details and ignores other errors', () => {
    const conflict = { id: 'x', on: 'kiosk' as const, kioskName: 'k', staffName: null, startsAt: '', endsAt: '', residentName: 'r' };
    assert.deepEqual(conflictsFrom(new ApiError(409, ErrorCode.Conflict, 'taken', { details: { conflicts: [conflict] } })), [conflict]);
    assert.deepEqual(conflictsFrom(new ApiError(409, ErrorCode.Conflict, 'taken')), []);
    assert.equal(conflictsFrom(new ApiError(400, ErrorCode.BadRequest, 'bad')), null);
    assert.equal(conflictsFrom(new Error('x')), null);
  });
});
