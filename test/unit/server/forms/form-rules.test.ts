import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayFormValue, formatWareki, formValueProblems, FormTemplateInput, SignatureStrokes } from '@madoguchi/contract/forms';
import { DEMO_FORM_TEMPLATES } from '../../../../server/src/forms/demo-templates';
import { canMove, statesBefore } from '../../../../server/src/forms/form-lifecycle';

describe('form rules shared by the console, the server and the kiosk', () => {
  it('writes 和暦 with the Japanese calendar of Intl, across era changes', () => {
    assert.equal(formatWareki('2019-04-30'), '平成31年4月30日');
    assert.equal(formatWareki('2019-05-01'), '令和元年5月1日');
    assert.equal(formatWareki('1989-01-07'), '昭和64年1月7日');
    assert.equal(displayFormValue({ key: 'd', type: 'date', label: { ja: '日' }, required: false, calendar: 'wareki' }, '1990-04-01'), '平成2年4月1日（1990年4月1日）');
  });

  it('checks values against the fields', () => {
    const demo = DEMO_FORM_TEMPLATES[0];
    assert.ok(demo);
    const { departmentCode: _code, ...template } = demo;
    const fields = FormTemplateInput.parse({ ...template, departmentId: null }).fields;
    const problems = formValueProblems(fields, { applicantKana: 'yamada', birthDate: '2023-02-29', phone: 'abc', relationship: 'uncle', childrenCount: '2人', extra: 'x' });
    assert.equal(problems['applicantName'], 'required');
    assert.equal(problems['applicantKana'], 'invalid');
    assert.equal(problems['birthDate'], 'invalid');
    assert.equal(problems['phone'], 'invalid');
    assert.equal(problems['relationship'], 'invalid');
    assert.equal(problems['childrenCount'], 'invalid');
    assert.equal(problems['extra'], 'unknown');
    assert.equal(problems['notPublicServant'], 'required', 'a required checkbox must be ticked');
  });

  it('ships three valid demo templates', () => {
    assert.equal(DEMO_FORM_TEMPLATES.length, 3);
    for (const { departmentCode: _code, ...template } of DEMO_FORM_TEMPLATES) assert.ok(FormTemplateInput.safeParse({ ...template, departmentId: null }).success, template.title.ja);
  });

  it('bounds the signature', () => {
    assert.ok(!SignatureStrokes.safeParse([[[0, 0]]]).success, 'a dot is not a signature');
    assert.ok(!SignatureStrokes.safeParse([[[1001, 0], [0, 0], [0, 0], [0, 0], [0, 0]]]).success, 'outside the box');
    assert.ok(SignatureStrokes.safeParse([[[0, 0], [1, 1], [2, 2], [3, 3], [1000, 400]]]).success);
  });

  it('never changes a signed or refused document', () => {
    assert.deepEqual(statesBefore('signed'), ['shown']);
    assert.ok(canMove('correction_asked', 'shown'));
    for (const end of ['signed', 'refused'] as const) for (const next of ['shown', 'signed', 'refused', 'correction_asked'] as const) assert.ok(!canMove(end, next));
  });
});
