import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  endOfJapanDay,
  japanDayOf,
  japanWeekdayOf,
  startOfJapanDay,
  daysBetween,
  isLocalDate,
  jstDateOf,
  jstDayRange,
  jstInstant,
  jstInstantAt,
  jstMinutesOf,
  jstTimeOf,
  mondayOf,
  timeToMinutes,
  weekdayIndex,
} from '@madoguchi/contract/japan-time';

describe('Japan time helpers', () => {
  it('jstInstant() writes an explicit +09:00 offset that parses to the right UTC instant', () => {
    const iso = jstInstant('2026-11-24', '10:00');
    assert.equal(iso, '2026-11-24T10:00:00+09:00');
    assert.equal(new Date(iso).toISOString(), '2026-11-24T01:00:00.000Z');
  });

  it('jstInstant() refuses impossible dates and times', () => {
    assert.throws(() => jstInstant('2026-02-30', '10:00'), TypeError);
    assert.throws(() => jstInstant('2026-11-24', '24:00'), TypeError);
    assert.throws(() => jstInstant('2026-11-24', '9:00'), TypeError);
  });

  it('jstDateOf() and jstTimeOf() read Japan wall-clock time from a UTC instant', () => {
    // 15:30 UTC on the 23rd is 00:30 on the 24th in Japan.
    assert.equal(jstDateOf('2026-11-23T15:30:00Z'), '2026-11-24');
    assert.equal(jstTimeOf('2026-11-23T15:30:00Z'), '00:30');
    assert.equal(jstMinutesOf('2026-11-24T00:45:00Z'), 9 * 60 + 45);
  });

  it('jstInstantAt() rolls minutes past midnight into the next day', () => {
    assert.equal(jstInstantAt('2026-12-31', 8 * 60 + 30), '2026-12-31T08:30:00+09:00');
    assert.equal(jstInstantAt('2026-12-31', 24 * 60 + 15), '2027-01-01T00:15:00+09:00');
  });

  it('addDays() crosses months, years and leap days', () => {
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(daysBetween('2026-01-01', '2026-12-31'), 364);
  });

  it('weeks start on Monday', () => {
    assert.equal(weekdayIndex('2026-11-23'), 0); // Monday
    assert.equal(weekdayIndex('2026-11-29'), 6); // Sunday
    assert.equal(mondayOf('2026-11-29'), '2026-11-23');
    assert.equal(mondayOf('2026-11-23'), '2026-11-23');
  });

  it('jstDayRange() covers whole Japan days, half-open', () => {
    assert.deepEqual(jstDayRange('2026-11-23', 7), { from: '2026-11-23T00:00:00+09:00', to: '2026-11-30T00:00:00+09:00' });
  });

  it('validates calendar days and clock times', () => {
    assert.equal(isLocalDate('2026-02-29'), false);
    assert.equal(isLocalDate('2028-02-29'), true);
    assert.equal(timeToMinutes('17:30'), 1050);
  });

  it('the server\'s day bounds are Japan days whatever the process zone: 2026-11-24 runs from 15:00 UTC the day before', () => {
    assert.equal(startOfJapanDay('2026-11-24').toISOString(), '2026-11-23T15:00:00.000Z');
    assert.equal(endOfJapanDay('2026-11-24').toISOString(), '2026-11-24T15:00:00.000Z');
    assert.equal(japanDayOf(new Date('2026-11-23T15:00:00Z')), '2026-11-24');
    assert.equal(japanDayOf(new Date('2026-11-23T14:59:59Z')), '2026-11-23');
    // Saturday 2026-11-28 in Japan starts on Friday in UTC.
    assert.equal(japanWeekdayOf(new Date('2026-11-27T15:00:00Z')), 6);
  });
});
