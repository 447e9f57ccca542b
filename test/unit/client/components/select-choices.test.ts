import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STAFF_ROLES } from '@madoguchi/contract/staff';
import { choicesOf } from '../../../../client/src/components/select-choices';
import { common } from '../../../../client/src/i18n/common-messages';

describe('SelectField', () => {
  it('choicesOf() pairs every value of a fixed list with its words, in the list order', () => {
    const choices = choicesOf(STAFF_ROLES, common.role);
    assert.deepEqual(
      choices.map((c) => c.value),
      [...STAFF_ROLES],
    );
    for (const choice of choices) assert.equal(choice.label, common.role[choice.value]);
  });
});
