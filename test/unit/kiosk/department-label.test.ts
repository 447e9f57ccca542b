import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Department } from '@madoguchi/contract/departments';
import { departmentLabel, selectableDepartments } from '../../../kiosk/src/visit/department-label';

const CHILD: Department = Object.freeze({
  id: '1b0e8a52-5d0c-4c55-8d5e-0d3c2b1a0f01',
  code: 'child',
  name: '子育て支援課',
  nameTranslations: { en: 'Child Support', 'ja-easy': 'こどもの そうだん', zh: '  ' },
  icon: 'child',
  active: true,
});

describe('departmentLabel()', () => {
  it('uses the translation for the kiosk language', () => {
    assert.equal(departmentLabel(CHILD, 'en'), 'Child Support');
    assert.equal(departmentLabel(CHILD, 'ja-easy'), 'こどもの そうだん');
  });

  it('falls back to the Japanese name when a translation is missing or blank', () => {
    assert.equal(departmentLabel(CHILD, 'ja'), '子育て支援課');
    assert.equal(departmentLabel(CHILD, 'ko'), '子育て支援課');
    assert.equal(departmentLabel(CHILD, 'zh'), '子育て支援課');
  });
});

describe('selectableDepartments()', () => {
  it('drops inactive departments and keeps the server order', () => {
    const tax: Department = { ...CHILD, id: 'tax', code: 'tax', icon: 'tax', active: true };
    const closed: Department = { ...CHILD, id: 'closed', active: false };
    assert.deepEqual(
      selectableDepartments([tax, closed, CHILD]).map((d) => d.id),
      ['tax', CHILD.id],
    );
  });
});
