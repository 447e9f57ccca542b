import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KioskSummary } from '@madoguchi/contract/kiosks';
import type { StaffMember } from '@madoguchi/contract/staff';
import { buildColumns, newAppointmentSeed, weekResource } from '../../../../client/src/features/calendar/calendar-columns';
import { calendarStateFromQuery } from '../../../../client/src/features/calendar/calendar-model';

const kiosk = (id: string, active = true) => ({ id, name: `K${id}`, location: `L${id}`, active }) as KioskSummary;
const member = (id: string, departmentIds: string[]) => ({ id, displayName: `S${id}`, active: true, departmentIds }) as StaffMember;
const sources = {
  kiosks: [kiosk('1'), kiosk('2', false), kiosk('3')],
  staff: [member('a', ['d1']), member('b', ['d2'])],
  unassignedLabel: '担当未定',
  dayHeading: (date: string) => date.slice(5),
};

describe('calendar columns', () => {
  it('the day view by kiosk has one column per kiosk in service', () => {
    const columns = buildColumns(calendarStateFromQuery({ date: '2026-11-24' }), sources);
    assert.deepEqual(columns.map((c) => [c.key, c.kioskId, c.date]), [['1', '1', '2026-11-24'], ['3', '3', '2026-11-24']]);
  });

  it('the day view by staff keeps the department filter and adds 担当未定', () => {
    const columns = buildColumns(calendarStateFromQuery({ date: '2026-11-24', by: 'staff', department: 'd2' }), sources);
    assert.deepEqual(columns.map((c) => [c.heading, c.staffId]), [['Sb', 'b'], ['担当未定', null]]);
  });

  it('the week view shows Monday to Sunday for one resource, the first when none is chosen', () => {
    const state = calendarStateFromQuery({ view: 'week', date: '2026-11-26', resource: 'gone' });
    assert.equal(weekResource(state, sources), '1');
    const columns = buildColumns({ ...state, resourceId: '3' }, sources);
    assert.equal(columns.length, 7);
    assert.deepEqual([columns[0]?.date, columns[6]?.date, columns[0]?.kioskId], ['2026-11-23', '2026-11-29', '3']);
  });
});

describe('new appointment seeds', () => {
  it('a clicked slot gives its day, time and kiosk; 「新しい予約」 in the week view gives the resource shown', () => {
    const day = calendarStateFromQuery({ date: '2026-11-24', department: 'd1' });
    assert.deepEqual(newAppointmentSeed(day, null, { key: 'k', heading: '', date: '2026-11-24', kioskId: 'k1' }, 600), {
      date: '2026-11-24',
      startTime: '10:00',
      kioskId: 'k1',
      departmentId: 'd1',
    });
    const week = calendarStateFromQuery({ view: 'week', by: 'staff', date: '2026-11-26' });
    assert.deepEqual(newAppointmentSeed(week, 's1'), { date: '2026-11-26', staffId: 's1' });
    assert.deepEqual(newAppointmentSeed(week, 'unassigned'), { date: '2026-11-26' });
  });
});
