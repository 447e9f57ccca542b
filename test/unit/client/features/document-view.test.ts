import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  IDENTITY_VIEW,
  MAX_ZOOM,
  clampPan,
  fitFrame,
  rotateClockwise,
  toFramePoint,
  zoomAt,
} from '../../../../client/src/features/consultations/document-view';
import type { ViewTransform } from '../../../../client/src/features/consultations/document-view';

const pane = Object.freeze({ width: 800, height: 600 });
const hd = Object.freeze({ width: 1920, height: 1080 });

describe('document view geometry', () => {
  it('fits a 16:9 frame to the pane width, and to its height when turned a quarter', () => {
    assert.deepEqual(fitFrame(pane, hd, 0), { width: 800, height: 450 });
    const turned = fitFrame(pane, hd, 90);
    // On screen the turned frame is 600 px tall: its own width is the long side.
    assert.equal(Math.round(turned.width), 600);
    assert.equal(Math.round(turned.height), Math.round((600 * 1080) / 1920));
  });

  it('gives no frame before the video has a size', () => {
    assert.deepEqual(fitFrame(pane, { width: 0, height: 0 }, 0), { width: 0, height: 0 });
    assert.equal(toFramePoint({ x: 400, y: 300 }, pane, { width: 0, height: 0 }, IDENTITY_VIEW), null);
  });

  it('maps the pane centre to the frame centre and the frame corners to 0 and 1', () => {
    const frame = fitFrame(pane, hd, 0);
    assert.deepEqual(toFramePoint({ x: 400, y: 300 }, pane, frame, IDENTITY_VIEW), [0.5, 0.5]);
    assert.deepEqual(toFramePoint({ x: 0, y: 75 }, pane, frame, IDENTITY_VIEW), [0, 0]);
    assert.deepEqual(toFramePoint({ x: 800, y: 525 }, pane, frame, IDENTITY_VIEW), [1, 1]);
  });

  it('returns null outside the frame (the letterbox bars)', () => {
    const frame = fitFrame(pane, hd, 0);
    assert.equal(toFramePoint({ x: 400, y: 10 }, pane, frame, IDENTITY_VIEW), null);
  });

  it('accounts for zoom and pan', () => {
    const frame = fitFrame(pane, hd, 0);
    const view: ViewTransform = { zoom: 2, panX: 100, panY: -50, rotation: 0 };
    // The frame centre now sits at pane centre + pan.
    assert.deepEqual(toFramePoint({ x: 500, y: 250 }, pane, frame, view), [0.5, 0.5]);
    // 200 px right of it is 100 frame px at zoom 2: 100 / 800 of the width.
    assert.deepEqual(toFramePoint({ x: 700, y: 250 }, pane, frame, view), [0.625, 0.5]);
  });

  it('accounts for a quarter turn clockwise: the frame top edge is on the right of the screen', () => {
    const view = rotateClockwise(IDENTITY_VIEW);
    assert.equal(view.rotation, 90);
    const frame = fitFrame(pane, hd, 90);
    // Right edge of the shown (turned) frame, middle height: the top-centre of the frame.
    const right = toFramePoint({ x: 400 + frame.height / 2 - 0.01, y: 300 }, pane, frame, view);
    assert.ok(right);
    assert.equal(right[0], 0.5);
    assert.ok(right[1] < 0.001);
    // Top of the screen, centre: the frame's left edge.
    const top = toFramePoint({ x: 400, y: 300 - frame.width / 2 + 0.01 }, pane, frame, view);
    assert.ok(top);
    assert.ok(top[0] < 0.001);
    assert.equal(top[1], 0.5);
  });

  it('handles half and three-quarter turns', () => {
    const frame = fitFrame(pane, hd, 180);
    const half: ViewTransform = { ...IDENTITY_VIEW, rotation: 180 };
    assert.deepEqual(toFramePoint({ x: 0, y: 75 }, pane, frame, half), [1, 1]);
    const threeQuarter: ViewTransform = { ...IDENTITY_VIEW, rotation: 270 };
    const turned = fitFrame(pane, hd, 270);
    const p = toFramePoint({ x: 400 + turned.height / 2 - 0.01, y: 300 }, pane, turned, threeQuarter);
    assert.ok(p);
    assert.ok(p[1] > 0.999, 'the bottom edge is on the right after 270°');
  });

  it('zooms around an anchor, within 1x..5x', () => {
    const zoomed = zoomAt(IDENTITY_VIEW, 2, { x: 100, y: 0 });
    assert.equal(zoomed.zoom, 2);
    // The content under the anchor stays put: -100 + 2 * 100 is still +100.
    assert.equal(zoomed.panX, -100);
    assert.equal(zoomAt(zoomed, 100).zoom, MAX_ZOOM);
    assert.equal(zoomAt(IDENTITY_VIEW, 0.5), IDENTITY_VIEW, 'no zooming out below 1x');
  });

  it('keeps the pan within the zoomed frame', () => {
    const frame = fitFrame(pane, hd, 0);
    assert.deepEqual(clampPan({ ...IDENTITY_VIEW, panX: 50, panY: 50 }, pane, frame), IDENTITY_VIEW);
    const zoomed = clampPan({ zoom: 2, panX: 10_000, panY: -10_000, rotation: 0 }, pane, frame);
    assert.equal(zoomed.panX, 400); // (1600 - 800) / 2
    assert.equal(zoomed.panY, -150); // (900 - 600) / 2
  });
});
