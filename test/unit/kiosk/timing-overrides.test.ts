import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTimingOverrides } from '../../../kiosk/src/visit/timing-overrides';

describe('parseTimingOverrides()', () => {
  it('keeps known timers with positive numbers', () => {
    assert.deepEqual(parseTimingOverrides('{"inactivityMs":3000,"idleWarningMs":5000}'), { inactivityMs: 3000, idleWarningMs: 5000 });
  });

  it('ignores unknown keys, non-numbers, zero and negative values', () => {
    assert.deepEqual(parseTimingOverrides('{"inactivityMs":0,"surveyMs":-1,"maxWaitMs":"9","other":5,"endedDisplayMs":100}'), { endedDisplayMs: 100 });
  });

  it('returns nothing for no value, broken JSON or a non-object', () => {
    assert.deepEqual(parseTimingOverrides(null), {});
    assert.deepEqual(parseTimingOverrides('{oops'), {});
    assert.deepEqual(parseTimingOverrides('42'), {});
  });
});
