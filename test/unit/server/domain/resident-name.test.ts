import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publicResidentName } from '../../../../server/src/domain/resident-name';

describe('publicResidentName()', () => {
  it('shows only the family name by default setting, never the given name', () => {
    assert.equal(publicResidentName('佐々木 トメ', 'family_name'), '佐々木');
    assert.equal(publicResidentName('佐々木　トメ', 'family_name'), '佐々木', 'an ideographic space separates too');
    assert.equal(publicResidentName('Nguyen Van An', 'family_name'), 'Nguyen');
  });

  it('masks a name that cannot be split rather than showing it whole', () => {
    assert.equal(publicResidentName('佐々木トメ', 'family_name'), '佐〇〇〇');
    assert.equal(publicResidentName('林', 'family_name'), '林');
  });

  it('initials, the full name, or nothing, as the town chooses', () => {
    assert.equal(publicResidentName('sasaki tome', 'initials'), 'S. T.');
    assert.equal(publicResidentName('佐々木 トメ', 'initials'), '佐. ト.');
    assert.equal(publicResidentName(' 佐々木  トメ ', 'full'), '佐々木 トメ');
    assert.equal(publicResidentName('佐々木 トメ', 'hidden'), null);
    assert.equal(publicResidentName('   ', 'full'), null);
  });
});
