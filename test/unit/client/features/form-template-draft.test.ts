import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FormTemplateInput, type FormTemplate } from '@madoguchi/contract/forms';
import { addField, draftOf, draftProblems, moveField, removeField, templateInputOf, updateField, type ProblemWords } from '../../../../client/src/features/settings/form-template-draft';

const words: ProblemWords = (path, code) => `${path.join('.')}:${code}`;

const stored: FormTemplate = {
  templateId: '00000000-0000-4000-8000-000000000001',
  familyId: '00000000-0000-4000-8000-000000000002',
  version: 3,
  departmentId: null,
  departmentName: null,
  archived: false,
  createdAt: '2026-12-04T00:00:00.000Z',
  title: { ja: '申請書', en: 'Application', vi: 'Đơn' },
  note: '根拠法令',
  fields: [
    { key: 'name', type: 'text', label: { ja: '氏名', ko: '성명' }, required: true, prefill: 'residentName' },
    { key: 'born', type: 'date', label: { ja: '生年月日' }, required: true, calendar: 'seireki' },
    { key: 'kind', type: 'choice', label: { ja: '種類' }, required: false, options: [{ value: 'a', label: { ja: 'ア', en: 'A' } }, { value: 'b', label: { ja: 'イ' } }] },
  ],
};

describe('the form template editor draft (設定 → 申請書式)', () => {
  it('round-trips a stored version unchanged, translations included', () => {
    const input = templateInputOf(draftOf(stored));
    const { templateId: _t, familyId: _f, version: _v, departmentName: _d, archived: _a, createdAt: _c, ...expected } = stored;
    assert.deepEqual(FormTemplateInput.parse(input), FormTemplateInput.parse(expected));
  });

  it('adds, reorders and removes fields, keeping keys unique', () => {
    let draft = addField(addField(draftOf(stored)));
    assert.deepEqual(draft.fields.map((f) => f.key), ['name', 'born', 'kind', 'field4', 'field5']);
    const last = draft.fields[4]?.uid ?? -1;
    draft = moveField(moveField(draft, last, -1), last, -1);
    assert.deepEqual(draft.fields.map((f) => f.key), ['name', 'born', 'field5', 'kind', 'field4']);
    assert.equal(moveField(draft, draft.fields[0]?.uid ?? -1, -1), draft, 'the first field cannot go higher');
    draft = removeField(draft, draft.fields[1]?.uid ?? -1);
    assert.deepEqual(draft.fields.map((f) => f.key), ['name', 'field5', 'kind', 'field4']);
    assert.equal(addField(draft).fields.at(-1)?.key, 'field6', 'a new key never repeats one in use');
  });

  it('sends only what a field of its type has: options for choices, the calendar for dates, no prefill on checkboxes', () => {
    const draft = draftOf(stored);
    const kind = draft.fields[2]?.uid ?? -1;
    const asText = updateField(draft, kind, { type: 'text' });
    const fields = (templateInputOf(asText) as { fields: Record<string, unknown>[] }).fields;
    assert.equal(fields[2]?.['options'], undefined);
    assert.equal(fields[0]?.['calendar'], undefined);
    assert.equal(fields[1]?.['calendar'], 'seireki');
    const back = (templateInputOf(updateField(asText, kind, { type: 'choice' })) as { fields: Record<string, unknown>[] }).fields;
    assert.equal((back[2]?.['options'] as unknown[]).length, 2, 'switching back to choice keeps the options typed before');
    const box = updateField(draft, draft.fields[0]?.uid ?? -1, { type: 'checkbox' });
    assert.equal((templateInputOf(box) as { fields: Record<string, unknown>[] }).fields[0]?.['prefill'], undefined);
  });

  it('finds problems with the contract schema and puts each at its field', () => {
    let draft = addField(draftOf(stored));
    const added = draft.fields[3]?.uid ?? -1;
    draft = updateField(draft, added, { type: 'choice', key: 'name' });
    draft = { ...draft, title: { ...draft.title, ja: '' } };
    const { input, problems } = draftProblems(draft, words);
    assert.equal(input, null);
    assert.ok(problems.general.includes('title.ja:too_small'), problems.general.join());
    assert.ok(problems.general.some((p) => p.startsWith('fields:custom')), 'the duplicated key is named');
    const onAdded = problems.byField.get(added) ?? [];
    assert.ok(onAdded.includes('fields.3.label.ja:too_small'), onAdded.join());
    assert.ok(onAdded.some((p) => p.startsWith('fields.3.options.0.label.ja')), 'empty option labels are flagged');
    assert.equal(problems.byField.get(draft.fields[0]?.uid ?? -1), undefined, 'a good field has no problems');
    assert.ok(draftProblems(draftOf(stored), words).input, 'a good draft gives the input to save');
  });
});
