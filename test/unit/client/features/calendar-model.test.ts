import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  calendarStateFromQuery,
  calendarStateToQuery,
  fetchRange,
  stepDate,
  visibleDays,
} from '../../../../client/src/features/calendar/calendar-model';

describe('calendar state', () => {
  it('falls back to today, the day view and the kiosk axis', () => {
    assert.deepEqual(calendarStateFromQuery({ date: 'nonsense', view: 'month' }, '2026-11-24'), {
      view: 'day',
      axis: 'kiosk',
      date: '2026-11-24',
      resourceId: null,
      departmentId: null,
      showCancelled: false,
    });
  });

  it('round-trips through the URL query', () => {
    const state = calendarStateFromQuery({ view: 'week', by: 'staff', date: '2026-11-26', resource: 's1', cancelled: '1' });
    assert.deepEqual(calendarStateFromQuery(calendarStateToQuery(state)), state);
  });

  it('the week view runs Monday to Sunday and steps by seven days', () => {
    const state = { view: 'week' as const, date: '2026-11-26' };
    assert.deepEqual(visibleDays(state), ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    assert.equal(stepDate(state, 1), '2026-12-03');
    assert.deepEqual(fetchRange(state), { from: '2026-11-23T00:00:00+09:00', to: '2026-11-30T00:00:00+09:00' });
  });

  it('the day view steps by one day', () => {
    assert.equal(stepDate({ view: 'day', date: '2026-11-30' }, 1), '2026-12-01');
    assert.deepEqual(fetchRange({ view: 'day', date: '2026-11-30' }), { from: '2026-11-30T00:00:00+09:00', to: '2026-12-01T00:00:00+09:00' });
  });
});
