import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConsultationTimeline } from '../../../../../server/src/domain/consultation/consultation-timeline';
import { WriteRetryQueue } from '../../../../../server/src/domain/write-retry-queue';
import { gate, settle } from './consultation-fakes';

describe('ConsultationTimeline (in-memory event store)', () => {
  it("writes one consultation's events in the order they happened even when the first insert is slow", async () => {
    const stored: string[] = [];
    const slow = gate();
    const timeline = new ConsultationTimeline(
      {
        append: async (consultationId, type) => {
          if (type === 'joined') await slow.promise;
          stored.push(`${consultationId} ${type}`);
        },
      },
      new WriteRetryQueue(),
      () => new Date('2026-12-04T01:00:00Z'),
    );
    timeline.record('s1', 'joined', 'kiosk');
    timeline.record('s1', 'left', 'kiosk');
    // Another consultation does not wait behind this one.
    timeline.record('s2', 'queued', 'kiosk');
    await settle();
    assert.deepEqual(stored, ['s2 queued']);
    slow.open();
    await settle();
    assert.deepEqual(stored, ['s2 queued', 's1 joined', 's1 left']);
  });

  it('stamps each event when it happened, not when it was written', async () => {
    const at: Date[] = [];
    let clock = Date.parse('2026-12-04T01:00:00Z');
    const timeline = new ConsultationTimeline(
      {
        append: async (_id, _type, _actor, _details, when) => {
          at.push(when ?? new Date(0));
        },
      },
      new WriteRetryQueue(),
      () => new Date(clock),
    );
    timeline.record('s1', 'joined', 'kiosk');
    clock += 5_000;
    timeline.record('s1', 'left', 'kiosk');
    await settle();
    assert.deepEqual(at.map((d) => d.toISOString()), ['2026-12-04T01:00:00.000Z', '2026-12-04T01:00:05.000Z']);
  });
});
