import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outcomeRequest } from '../../../../client/src/components/outcome-draft';

describe('outcome draft', () => {
  it('outcomeRequest() is null until an outcome is chosen, so the form asks first', () => {
    assert.equal(outcomeRequest({ outcome: '', notes: '案内済み' }), null);
  });

  it('outcomeRequest() sends the code and the notes without surrounding blanks', () => {
    assert.deepEqual(outcomeRequest({ outcome: 'resolved', notes: '  書類の記入方法を案内\n' }), { outcomeCode: 'resolved', notes: '書類の記入方法を案内' });
    assert.deepEqual(outcomeRequest({ outcome: 'other', notes: '   ' }), { outcomeCode: 'other', notes: '' });
  });
});
