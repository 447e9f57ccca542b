import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_MARKS, MAX_POINTS_PER_MARK, extendStroke, marksToSend } from '@madoguchi/call-core/in-call/pointer-marks';
import { Throttle } from '@madoguchi/call-core/in-call/throttle';
import { strokePath } from '../../../client/src/features/consultations/pointer-marks';
import type { PointerMark } from '@madoguchi/contract/signalling-schemas';

describe('pointer marks', () => {
  it('extendStroke() skips points too close to the last one and stops at the contract limit', () => {
    assert.equal(extendStroke([[0.5, 0.5]], [0.5005, 0.5]).length, 1);
    assert.equal(extendStroke([[0.5, 0.5]], [0.6, 0.5]).length, 2);
    const full = Array.from({ length: MAX_POINTS_PER_MARK }, (_, i): [number, number] => [i / 1000, 0]);
    assert.equal(extendStroke(full, [0.9, 0.9]).length, MAX_POINTS_PER_MARK);
  });

  it('marksToSend() keeps the newest marks within the limits', () => {
    const mark: PointerMark = { kind: 'pen', color: 'red', points: [[0, 0]] };
    const many = Array.from({ length: MAX_MARKS + 5 }, (_, i) => ({ ...mark, points: [[i / 100, 0]] as [number, number][] }));
    const sent = marksToSend(many);
    assert.equal(sent.length, MAX_MARKS);
    assert.deepEqual(sent[0]?.points, [[0.05, 0]]);
  });

  it('strokePath() draws a polyline in frame units', () => {
    assert.equal(strokePath([[0, 0.5], [1, 0.25]]), 'M0 0.5 L1 0.25');
  });

  it('Throttle sends at most once per interval and always sends the last value', async () => {
    const sent: number[] = [];
    const throttle = new Throttle<number>(30, (v) => sent.push(v));
    throttle.push(1);
    throttle.push(2);
    throttle.push(3);
    assert.deepEqual(sent, [1]);
    await new Promise((r) => setTimeout(r, 60));
    assert.deepEqual(sent, [1, 3]);
    throttle.push(4);
    throttle.flush();
    assert.deepEqual(sent, [1, 3, 4]);
    throttle.cancel();
  });
});
