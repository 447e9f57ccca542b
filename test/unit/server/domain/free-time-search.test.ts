import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeFreeTimes, SpanIndex, type LiveSpan } from '../../../../server/src/domain/free-time-search';

const MINUTE = 60_000;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function spansOf(count: number, next: () => number): LiveSpan[] {
  const base = Date.parse('2030-04-01T00:00:00Z');
  return Array.from({ length: count }, () => {
    const startsAt = base + Math.floor(next() * 30 * 24 * 60) * MINUTE;
    return { kioskId: 'k', departmentId: 'd', startsAt, endsAt: startsAt + (5 + Math.floor(next() * 240)) * MINUTE };
  });
}

const bruteForce = (spans: LiveSpan[], start: number, end: number, enough: number): number =>
  Math.min(spans.filter((s) => s.startsAt < end && s.endsAt > start).length, enough);

describe('free-time search: the span index', () => {
  it('counts the spans overlapping a slot exactly as a full scan does (spans of mixed lengths, touching edges)', () => {
    const next = random(19);
    const spans = spansOf(2_000, next);
    const index = new SpanIndex(spans);
    const base = Date.parse('2030-04-01T00:00:00Z');
    for (let i = 0; i < 3_000; i += 1) {
      const start = base + Math.floor(next() * 30 * 24 * 60) * MINUTE;
      const end = start + (10 + Math.floor(next() * 60)) * MINUTE;
      for (const enough of [1, 3, 50]) assert.equal(index.overlapCount(start, end, enough), bruteForce(spans, start, end, enough), `slot ${new Date(start).toISOString()} enough ${enough}`);
    }
    // A span ending exactly where the slot starts, or starting where it ends, does not overlap.
    const edge = new SpanIndex([{ kioskId: 'k', departmentId: 'd', startsAt: 0, endsAt: 10 }]);
    assert.equal(edge.overlapCount(10, 20, 5), 0);
    assert.equal(edge.overlapCount(-10, 0, 5), 0);
    assert.equal(edge.overlapCount(9, 20, 5), 1);
  });

  it('answers the slots of a 30-day search over 5,000 bookings several times faster than a scan from the first span', () => {
    const base = Date.parse('2030-04-01T00:00:00Z');
    // As bench:api seeds them: 5,000 bookings of 15 minutes from 06:00, 11 kiosks side by side, day after day.
    const spans = Array.from({ length: 5_000 }, (_, g) => {
      const startsAt = base + Math.floor(g / 11 / 64) * 86_400_000 + (6 * 60 + (Math.floor(g / 11) % 64) * 15) * MINUTE;
      return { kioskId: `k${g % 11}`, departmentId: 'd', startsAt, endsAt: startsAt + 15 * MINUTE };
    });
    // The slots such a search asks about: every 15 minutes from 06:00 to 22:00, 30 days.
    const slots: [number, number][] = [];
    for (let day = 0; day < 30; day += 1) for (let m = 6 * 60; m < 22 * 60; m += 15) slots.push([base + day * 86_400_000 + m * MINUTE, base + day * 86_400_000 + (m + 15) * MINUTE]);
    const sorted = [...spans].sort((a, b) => a.startsAt - b.startsAt);
    const scan = (start: number, end: number, enough: number): number => {
      let count = 0;
      for (const span of sorted) {
        if (span.startsAt >= end) break;
        if (span.endsAt > start && ++count >= enough) return count;
      }
      return count;
    };
    const index = new SpanIndex(spans);
    // Side by side, best of fifteen each, so a busy machine slows both alike.
    const best = (run: () => void): number => Math.min(...Array.from({ length: 15 }, () => { const t0 = performance.now(); run(); return performance.now() - t0; }));
    const scanned = best(() => slots.forEach(([s, e]) => scan(s, e, 50)));
    const indexed = best(() => slots.forEach(([s, e]) => index.overlapCount(s, e, 50)));
    assert.ok(scanned / indexed > 3, `scan ${scanned.toFixed(1)} ms, index ${indexed.toFixed(1)} ms`);
    // And the whole computation still returns every day.
    const days = Array.from({ length: 30 }, (_, i) => new Date(base + i * 86_400_000).toISOString().slice(0, 10));
    const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '06:00', closes: '22:00' }));
    assert.equal(computeFreeTimes({ days, departmentId: 'd', kioskId: 'k', departmentHours: hours, kioskHours: hours, capacity: 50, slotMinutes: 15, blockedDays: new Set<string>(), earliest: 0, latest: Infinity, spans }).length, 30);
  });
});
