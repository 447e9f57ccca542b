import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  pageFromQuery,
  rangeIsValid,
  consultationFilter,
  consultationFormFromQuery,
  consultationQuery,
} from '../../../../client/src/features/records/record-filter';

describe('consultation record filters', () => {
  it('drop values the API would refuse', () => {
    const form = consultationFormFromQuery({ from: '2026-02-30', to: '2026-11-24', status: 'lost', kind: 'walk_in', outcomeCode: 'resolved' });
    assert.equal(form.from, '');
    assert.equal(form.to, '2026-11-24');
    assert.equal(form.status, '');
    assert.equal(form.kind, 'walk_in');
    assert.equal(pageFromQuery({ page: '-3' }), 1);
  });

  it('round-trip through the URL and leave empty values out of the API query', () => {
    const form = consultationFormFromQuery({ from: '2026-11-01', kind: 'booked' });
    assert.deepEqual(consultationQuery(form, 3), { from: '2026-11-01', kind: 'booked', page: '3' });
    assert.deepEqual(consultationFormFromQuery(consultationQuery(form, 3)), form);
    assert.deepEqual(consultationFilter(form, 3), { page: 3, pageSize: 50, from: '2026-11-01', kind: 'booked' });
  });

  it('the end day must not come before the start day', () => {
    assert.equal(rangeIsValid({ from: '2026-11-02', to: '2026-11-01' }), false);
    assert.equal(rangeIsValid({ from: '2026-11-02', to: '' }), true);
  });
});
