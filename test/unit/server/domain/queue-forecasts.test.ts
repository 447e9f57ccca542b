import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueueEntry } from '@madoguchi/contract/consultation';
import { QueueForecasts } from '../../../../server/src/domain/consultation/queue-forecasts';
import type { StaffPresence } from '../../../../server/src/domain/wait-outlook';

/** A walk-in at the general counter, queued at 10:00 Japan time. */
function entry(consultationId: string, kioskId: string): QueueEntry {
  const where = { kioskName: '中央図書館', kioskLocation: '1F' };
  const counter = { departmentId: null, departmentName: null, appointmentId: null, residentName: null, needs: null };
  return { consultationId, kind: 'walk_in', kioskId, ...where, ...counter, language: 'ja', queuedAt: '2026-12-04T01:00:00.000Z' };
}

/** A fake notifier that keeps what each kiosk was told, and fake records of call lengths. */
function fakes(durations: number[], staff: StaffPresence[] | Error) {
  const told: { peerIds: string[]; event: string; payload: unknown }[] = [];
  let reads = 0;
  const forecasts = new QueueForecasts({
    consultationRecords: {
      recentDurations: async () => {
        reads += 1;
        return durations;
      },
    },
    notifier: { toPeers: (peerIds, event, payload) => void told.push({ peerIds, event, payload }) },
    staffPresence: async () => {
      if (staff instanceof Error) throw staff;
      return staff;
    },
  });
  return { forecasts, told, reads: () => reads };
}

const member = (id: string, away = false): StaffPresence => ({ id, role: 'staff', departmentIds: [], away });

describe('QueueForecasts (fake notifier, records and presence)', () => {
  it("tells each waiting kiosk its place; with everyone busy, the wait comes from the median call length", async () => {
    const { forecasts, told } = fakes([300, 600, 600, 600, 900], [member('a')]);
    await forecasts.send([entry('s1', 'k1'), entry('s2', 'k2')], new Set(['a']));
    assert.equal(told.length, 2);
    assert.equal(told[0]?.event, 'queuePosition');
    assert.deepEqual(told[0]?.payload, { consultationId: 's1', position: 1, outlook: 'waiting', estimatedWaitSeconds: 300 });
    assert.deepEqual(told[1]?.payload, { consultationId: 's2', position: 2, outlook: 'waiting', estimatedWaitSeconds: 900 });
    assert.ok(told[0]?.peerIds[0]?.includes('k1'));
  });

  it('says nobody can answer when no one is online or everyone is away, and when presence cannot be read', async () => {
    for (const staff of [[], [member('a', true)], new Error('redis away')]) {
      const { forecasts, told } = fakes([], staff);
      await forecasts.send([entry('s1', 'k1')], new Set());
      assert.deepEqual(told[0]?.payload, { consultationId: 's1', position: 1, outlook: 'nobody', estimatedWaitSeconds: null });
    }
  });

  it('gives no minutes without five calls of history, reads the records at most once a minute, and tells no one for an empty queue', async () => {
    const { forecasts, told, reads } = fakes([600, 600], [member('a')]);
    await forecasts.send([entry('s1', 'k1')], new Set(['a']));
    await forecasts.send([entry('s1', 'k1')], new Set(['a']));
    await forecasts.send([], new Set());
    assert.deepEqual(told[0]?.payload, { consultationId: 's1', position: 1, outlook: 'waiting', estimatedWaitSeconds: null });
    assert.equal(told.length, 2);
    assert.equal(reads(), 1);
  });
});
