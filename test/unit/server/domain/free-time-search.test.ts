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

  it('keeps a 30-day search over 5,000 bookings well under the 100 ms goal in the pure computation', () => {
    const next = random(7);
    const spans = spansOf(5_000, next).map((s) => ({ ...s, endsAt: s.startsAt + 15 * MINUTE }));
    const days = Array.from({ length: 30 }, (_, i) => new Date(Date.parse('2030-04-01T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10));
    const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '06:00', closes: '22:00' }));
    const input = { days, departmentId: 'd', kioskId: 'k', departmentHours: hours, kioskHours: hours, capacity: 50, slotMinutes: 15, blockedDays: new Set<string>(), earliest: 0, latest: Infinity, spans };
    const started = performance.now();
    const result = computeFreeTimes(input);
    const elapsed = performance.now() - started;
    assert.equal(result.length, 30);
    assert.ok(elapsed < 100, `${elapsed.toFixed(1)} ms`);
  });
});
