import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueueEntry } from '@madoguchi/contract/consultation';
import { walkIn } from '../../../helpers/queue-entry';
import { queueVisibleTo } from '../../../../server/src/domain/queue-scope';

const entry = (consultationId: string, departmentId: string | null): QueueEntry => walkIn(consultationId, departmentId);

describe('queueVisibleTo', () => {
  const queue = [entry('general', null), entry('tax', 'd-tax'), entry('welfare', 'd-welfare')];

  it('shows a member their departments and the general counter, in queue order', () => {
    const member = { role: 'staff' as const, id: 's', displayName: 's', departmentIds: ['d-welfare'] };
    assert.deepEqual(queueVisibleTo(member, queue).map((e) => e.consultationId), ['general', 'welfare']);
  });

  it('shows admins everything, a member of no department the general counter only', () => {
    assert.equal(queueVisibleTo({ role: 'admin', id: 'a', displayName: 'a', departmentIds: ['d-tax'] }, queue).length, 3);
    assert.deepEqual(queueVisibleTo({ role: 'staff', id: 's', displayName: 's', departmentIds: [] }, queue).map((e) => e.consultationId), ['general']);
    assert.deepEqual(queueVisibleTo({ role: 'staff', id: 's', displayName: 's' }, queue).map((e) => e.consultationId), ['general']);
  });

  it('shows kiosks and guests nothing (issue 12, item 1)', () => {
    assert.deepEqual(queueVisibleTo({ role: 'guest', id: 'g', displayName: 'g' }, queue), []);
    assert.deepEqual(queueVisibleTo({ role: 'kiosk', id: 'k', displayName: 'k' }, queue), []);
  });
});
