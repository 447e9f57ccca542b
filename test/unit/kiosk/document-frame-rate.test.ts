import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meanLumaDifference, MOVING_FPS, STILL_FPS, StillPageDetector } from '../../../kiosk/src/device/document-frame-rate';

const rgba = (...greys: number[]): Uint8ClampedArray => new Uint8ClampedArray(greys.flatMap((g) => [g, g, g, 255]));

describe('document camera frame rate (issue 16, item 4)', () => {
  it('meanLumaDifference() is 0 for the same picture and grows with the change', () => {
    assert.equal(meanLumaDifference(rgba(10, 200, 30), rgba(10, 200, 30)), 0);
    assert.ok(Math.abs(meanLumaDifference(rgba(10, 200, 30, 40), rgba(10, 200, 30, 80)) - 10) < 0.01);
  });

  it('a page lying still for 2 s drops to STILL_FPS; the first movement brings MOVING_FPS back at once', () => {
    const detector = new StillPageDetector(0);
    assert.equal(detector.observe(Infinity, 0), MOVING_FPS);
    assert.equal(detector.observe(0.5, 500), MOVING_FPS);
    assert.equal(detector.observe(0.5, 1_500), MOVING_FPS);
    assert.equal(detector.observe(0.5, 2_000), STILL_FPS);
    assert.equal(detector.observe(1, 2_500), STILL_FPS);
    assert.equal(detector.observe(25, 3_000), MOVING_FPS);
    assert.equal(detector.observe(0, 4_500), MOVING_FPS);
    assert.equal(detector.observe(0, 5_000), STILL_FPS);
  });

  it('sensor noise (a difference of a few levels) is not movement', () => {
    const detector = new StillPageDetector(0);
    for (let t = 500; t <= 3_000; t += 500) detector.observe(2.5, t);
    assert.equal(detector.observe(2.5, 3_500), STILL_FPS);
  });
});
