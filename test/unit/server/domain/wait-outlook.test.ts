import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueueEntry } from '@madoguchi/contract/consultation';
import { walkIn } from '../../../helpers/queue-entry';
import { forecastWaits, type StaffPresence } from '../../../../server/src/domain/wait-outlook';

const TAX = 'd-tax';
const CHILD = 'd-child';

const entry = (consultationId: string, departmentId: string | null): QueueEntry => walkIn(consultationId, departmentId);
const member = (id: string, departmentIds: string[], away = false): StaffPresence => ({ id, role: 'staff', departmentIds, away });

describe('forecastWaits()', () => {
  it('says 「まもなく」 (no minutes) when a specialist of the department is free, however long past waits were', () => {
    const forecasts = forecastWaits([entry('a', TAX)], [member('s1', [TAX])], new Set(), 360);
    assert.deepEqual(forecasts.get('a'), { outlook: 'soon', estimatedWaitSeconds: null });
  });

  it('says nobody can answer when no one of the department is online, or all of them are 離席中', () => {
    assert.deepEqual(forecastWaits([entry('a', TAX)], [], new Set(), 300).get('a'), { outlook: 'nobody', estimatedWaitSeconds: null });
    assert.deepEqual(forecastWaits([entry('a', TAX)], [member('s1', [CHILD])], new Set(), 300).get('a')?.outlook, 'nobody');
    assert.deepEqual(forecastWaits([entry('a', TAX)], [member('s1', [TAX], true)], new Set(), 300).get('a')?.outlook, 'nobody');
  });

  it('counts a member with two consoles once, available if either console says so', () => {
    const staff = [member('s1', [TAX], true), member('s1', [TAX], false)];
    assert.equal(forecastWaits([entry('a', TAX), entry('b', TAX)], staff, new Set(), 300).get('b')?.outlook, 'waiting');
    assert.equal(forecastWaits([entry('a', TAX)], staff, new Set(), 300).get('a')?.outlook, 'soon');
  });

  it('estimates from the queue ahead and the specialists who are busy: half a call for the first turn, a whole one per further turn', () => {
    const queue = [entry('a', TAX), entry('b', TAX), entry('c', TAX)];
    const forecasts = forecastWaits(queue, [member('s1', [TAX]), member('s2', [TAX])], new Set(['s1', 's2']), 600);
    assert.deepEqual(forecasts.get('a'), { outlook: 'waiting', estimatedWaitSeconds: 300 });
    assert.deepEqual(forecasts.get('b'), { outlook: 'waiting', estimatedWaitSeconds: 300 });
    assert.deepEqual(forecasts.get('c'), { outlook: 'waiting', estimatedWaitSeconds: 900 });
  });

  it('one free specialist: the first in line hears 「まもなく」, the second waits for a turn', () => {
    const forecasts = forecastWaits([entry('a', TAX), entry('b', TAX)], [member('s1', [TAX]), member('s2', [TAX])], new Set(['s2']), 600);
    assert.equal(forecasts.get('a')?.outlook, 'soon');
    assert.deepEqual(forecasts.get('b'), { outlook: 'waiting', estimatedWaitSeconds: 300 });
  });

  it('does not count residents of another department ahead, and gives no minutes without a history of calls', () => {
    const queue = [entry('x', CHILD), entry('a', TAX)];
    const forecasts = forecastWaits(queue, [member('s1', [TAX]), member('c1', [CHILD])], new Set(), null);
    assert.equal(forecasts.get('a')?.outlook, 'soon', 'the child-care resident ahead is not in the tax queue');
    const busy = forecastWaits(queue, [member('s1', [TAX])], new Set(['s1']), null);
    assert.deepEqual(busy.get('a'), { outlook: 'waiting', estimatedWaitSeconds: null });
  });

  it('the general counter (no department) can be answered by anyone; admins answer everything, a member of no department the general counter only', () => {
    const forecasts = forecastWaits([entry('g', null), entry('a', TAX)], [{ id: 'adm', role: 'admin', departmentIds: undefined, away: false }], new Set(), 300);
    assert.equal(forecasts.get('g')?.outlook, 'soon');
    assert.deepEqual(forecasts.get('a'), { outlook: 'waiting', estimatedWaitSeconds: 150 });
    const general = forecastWaits([entry('g', null), entry('a', TAX)], [member('s0', [])], new Set(), 300);
    assert.equal(general.get('g')?.outlook, 'soon');
    assert.equal(general.get('a')?.outlook, 'nobody');
  });
});
