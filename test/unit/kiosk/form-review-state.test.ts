import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormShown } from '@madoguchi/contract/forms';
import { FIELDS_PER_PAGE, nextFormReview, pageCount, type FormReview, type FormReviewEvent } from '../../../kiosk/src/visit/form-review-state';
import { KIOSK_FORM_MESSAGES } from '../../../kiosk/src/i18n/form-messages';
import { LANGUAGES } from '@madoguchi/contract/languages';

const field = (key: string) => ({ key, type: 'text' as const, label: { ja: key }, required: false });
const form = (revision: number, fields = 7): FormShown => ({
  consultationId: 's',
  documentId: 'd',
  revision,
  title: { ja: '申請書' },
  fields: Array.from({ length: fields }, (_v, i) => field(`f${i}`)),
  values: {},
});
const run = (events: FormReviewEvent[], from: FormReview | null = null): FormReview | null => events.reduce(nextFormReview, from);
const STROKES = [[[1, 1], [2, 2], [3, 3], [4, 4], [5, 5]] as [number, number][]];

describe('the kiosk form (書かない窓口) state machine', () => {
  it('pages through the fields and reaches the signature only from the last page', () => {
    assert.equal(pageCount(form(1)), Math.ceil(7 / FIELDS_PER_PAGE));
    const first = run([{ type: 'shown', form: form(1) }, { type: 'toSign' }]);
    assert.equal(first?.phase, 'reviewing', 'no signature before the last page');
    const last = run([{ type: 'shown', form: form(1) }, { type: 'page', page: pageCount(form(1)) - 1 }, { type: 'toSign' }]);
    assert.equal(last?.phase, 'signing');
    const beyond = run([{ type: 'shown', form: form(1) }, { type: 'page', page: 99 }]);
    assert.equal(beyond?.phase === 'reviewing' && beyond.page, 0);
  });

  it('after 「ここが違います」 shows the corrected revision at the page of that field', () => {
    const asked = run([{ type: 'shown', form: form(1) }, { type: 'page', page: 2 }, { type: 'correctionAsked', fieldKey: `f${2 * FIELDS_PER_PAGE}` }]);
    assert.equal(asked?.phase, 'correctionSent');
    const corrected = run([{ type: 'shown', form: form(2) }], asked);
    assert.ok(corrected?.phase === 'reviewing');
    assert.equal(corrected.form.revision, 2);
    assert.equal(corrected.page, 2);
  });

  it('signs once: a late revision does not replace a signature on its way, and closing forgets everything', () => {
    const signing = run([{ type: 'shown', form: form(1, 2) }, { type: 'toSign' }, { type: 'submit', strokes: STROKES }]);
    assert.equal(signing?.phase, 'submitting');
    assert.equal(run([{ type: 'shown', form: form(2, 2) }, { type: 'close' }], signing)?.phase, 'submitting');
    const signed = run([{ type: 'signed', printCopy: true, at: '2026-12-04T00:00:00Z' }], signing);
    assert.ok(signed?.phase === 'signed' && signed.printCopy);
    assert.equal(run([{ type: 'close' }], signed), null);
  });

  it('keeps the resident where they are when the same revision is shown again (the kiosk rejoined its call)', () => {
    const signing = run([{ type: 'shown', form: form(1) }, { type: 'page', page: pageCount(form(1)) - 1 }, { type: 'toSign' }]);
    assert.equal(run([{ type: 'shown', form: form(1) }], signing), signing, 'the signature box stays');
    const paged = run([{ type: 'shown', form: form(1) }, { type: 'page', page: 1 }]);
    assert.equal(run([{ type: 'shown', form: form(1) }], paged), paged, 'the page stays');
    const next = run([{ type: 'shown', form: form(2) }], signing);
    assert.ok(next?.phase === 'reviewing' && next.form.revision === 2 && next.page === 0, 'a new revision still replaces it');
  });

  it('refuses only after the confirmation, and a problem goes back to the form', () => {
    const confirm = run([{ type: 'shown', form: form(1) }, { type: 'refuse' }]);
    assert.equal(confirm?.phase, 'confirmRefuse');
    assert.equal(run([{ type: 'back' }], confirm)?.phase, 'reviewing');
    assert.equal(run([{ type: 'refused' }], confirm)?.phase, 'refused');
    const problem = run([{ type: 'problem', problem: 'stale' }], confirm);
    assert.equal(problem?.phase, 'problem');
    assert.equal(run([{ type: 'back' }], problem)?.phase, 'reviewing');
  });

  it('clears the form at once when staff withdraw it, whatever the resident was doing, unless the signature is already on its way', () => {
    const withdrawn = { type: 'withdrawn', documentId: form(1).documentId } as const;
    assert.equal(run([{ type: 'shown', form: form(1) }, withdrawn]), null);
    assert.equal(run([{ type: 'shown', form: form(1) }, { type: 'correctionAsked', fieldKey: 'a' }, withdrawn]), null);
    assert.equal(run([{ type: 'shown', form: form(1) }, { type: 'refuse' }, withdrawn]), null);
    assert.equal(run([{ type: 'shown', form: form(1, 2) }, { type: 'toSign' }, withdrawn]), null);
    const submitting = run([{ type: 'shown', form: form(1, 2) }, { type: 'toSign' }, { type: 'submit', strokes: STROKES }]);
    assert.equal(run([withdrawn], submitting)?.phase, 'submitting', 'the server decides between the signature and the withdrawal');
    const other = run([{ type: 'shown', form: form(1) }]);
    assert.equal(run([{ type: 'withdrawn', documentId: '00000000-0000-4000-8000-00000000ffff' }], other), other, 'another document leaves this one alone');
  });

  it('has every message in every kiosk language', () => {
    const keys = Object.keys(KIOSK_FORM_MESSAGES.ja).sort();
    for (const language of LANGUAGES) {
      assert.deepEqual(Object.keys(KIOSK_FORM_MESSAGES[language]).sort(), keys, language);
      for (const [key, value] of Object.entries(KIOSK_FORM_MESSAGES[language])) {
        if (typeof value === 'string') assert.ok(value.length > 0, `${language}.${key}`);
      }
    }
  });
});
