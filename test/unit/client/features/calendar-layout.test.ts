import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Appointment } from '@madoguchi/contract/appointments';
import {
  SLOT_COUNT,
  assignLanes,
  columnHolds,
  rowSpanOf,
  slotStarts,
} from '../../../../client/src/features/calendar/calendar-layout';

const slot = (start: string, end: string) => ({ startsAt: start, endsAt: end });

describe('calendar grid layout', () => {
  it('has 36 rows of 15 minutes from 08:30 to 17:30', () => {
    assert.equal(SLOT_COUNT, 36);
    const starts = slotStarts();
    assert.equal(starts[0], 510);
    assert.equal(starts.at(-1), 1035);
  });

  it('rowSpanOf() maps Japan times to rows whatever the instant offset', () => {
    assert.deepEqual(rowSpanOf(slot('2026-11-24T09:00:00+09:00', '2026-11-24T09:30:00+09:00')), { rowStart: 2, rowEnd: 4, clipped: false });
    assert.deepEqual(rowSpanOf(slot('2026-11-24T00:00:00Z', '2026-11-24T00:30:00Z')), { rowStart: 2, rowEnd: 4, clipped: false });
  });

  it('rowSpanOf() rounds partial slots outwards and keeps at least one row', () => {
    assert.deepEqual(rowSpanOf(slot('2026-11-24T09:05:00+09:00', '2026-11-24T09:10:00+09:00')), { rowStart: 2, rowEnd: 3, clipped: false });
  });

  it('rowSpanOf() clips to the grid and drops what lies wholly outside', () => {
    assert.deepEqual(rowSpanOf(slot('2026-11-24T08:00:00+09:00', '2026-11-24T09:00:00+09:00')), { rowStart: 0, rowEnd: 2, clipped: true });
    assert.deepEqual(rowSpanOf(slot('2026-11-24T17:00:00+09:00', '2026-11-24T18:00:00+09:00')), { rowStart: 34, rowEnd: 36, clipped: true });
    assert.equal(rowSpanOf(slot('2026-11-24T18:00:00+09:00', '2026-11-24T19:00:00+09:00')), null);
    assert.equal(rowSpanOf(slot('2026-11-24T07:00:00+09:00', '2026-11-24T08:30:00+09:00')), null);
  });

  it('assignLanes() puts overlapping items side by side and lets others use the full width', () => {
    const lanes = assignLanes([
      { id: 'a', rowStart: 0, rowEnd: 4 },
      { id: 'b', rowStart: 2, rowEnd: 6 },
      { id: 'c', rowStart: 4, rowEnd: 8 },
      { id: 'd', rowStart: 10, rowEnd: 12 },
    ]);
    assert.deepEqual(lanes.get('a'), { lane: 0, lanes: 2 });
    assert.deepEqual(lanes.get('b'), { lane: 1, lanes: 2 });
    assert.deepEqual(lanes.get('c'), { lane: 0, lanes: 2 });
    assert.deepEqual(lanes.get('d'), { lane: 0, lanes: 1 });
  });

  it('columnHolds() matches the Japan day, kiosk and staff (null = unassigned)', () => {
    const appointment = { startsAt: '2026-11-23T15:30:00Z', kioskId: 'k1', staffId: null } as Appointment;
    assert.equal(columnHolds({ key: 'x', heading: '', date: '2026-11-24', kioskId: 'k1' }, appointment), true);
    assert.equal(columnHolds({ key: 'x', heading: '', date: '2026-11-23', kioskId: 'k1' }, appointment), false);
    assert.equal(columnHolds({ key: 'x', heading: '', date: '2026-11-24', staffId: null }, appointment), true);
    assert.equal(columnHolds({ key: 'x', heading: '', date: '2026-11-24', staffId: 's1' }, appointment), false);
  });
});
