import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeChangeDetails } from '../../../../client/src/features/appointments/change-details';
import type { ChangeDetailTexts, NameLookup } from '../../../../client/src/features/appointments/change-details';
import { jstDateOf, jstTimeOf } from '../../../../client/src/time/jst';

const texts: ChangeDetailTexts = {
  from: '変更前',
  to: '変更後',
  slot: '予約枠',
  reason: '理由',
  unassigned: '担当未定',
  none: '—',
  instant: (iso) => `${jstDateOf(iso)} ${jstTimeOf(iso)}`,
  endTime: (iso) => jstTimeOf(iso),
};
const names: NameLookup = { kiosk: (id) => (id === 'k1' ? '北支所' : null), staff: (id) => (id === 's1' ? '鈴木' : null) };

describe('appointment history details', () => {
  it('a reschedule reads as before and after slots with names, before first', () => {
    const lines = describeChangeDetails(
      {
        to: { startsAt: '2026-12-16T02:00:00Z', endsAt: '2026-12-16T02:30:00Z', kioskId: 'k1', staffId: 's1' },
        from: { startsAt: '2026-12-16T01:00:00Z', endsAt: '2026-12-16T01:30:00Z', kioskId: 'k1', staffId: null },
      },
      names,
      texts,
    );
    assert.deepEqual(lines, [
      { label: '変更前', text: '2026-12-16 10:00–10:30 · 北支所 · 担当未定' },
      { label: '変更後', text: '2026-12-16 11:00–11:30 · 北支所 · 鈴木' },
    ]);
  });

  it('a booking shows its slot; a cancel its reason; unknown ids and keys stay readable', () => {
    assert.deepEqual(describeChangeDetails({ startsAt: '2026-12-16T01:00:00Z', kioskId: 'k9', reason: '本人から連絡', via: 'phone' }, names, texts), [
      { label: '予約枠', text: '2026-12-16 10:00 · k9' },
      { label: '理由', text: '本人から連絡' },
      { label: 'via', text: 'phone' },
    ]);
  });
});
