import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { framesDiffer, isBlank } from '../../../kiosk/src/device/device-check';

describe('device check frame tests', () => {
  it('isBlank() is true for one flat colour (a covered or dead camera) and for no pixels', () => {
    assert.equal(isBlank(new Array(100).fill(16)), true);
    assert.equal(isBlank([16, 18, 20, 17]), true);
    assert.equal(isBlank([]), true);
  });

  it('isBlank() is false for a picture with light and dark parts', () => {
    assert.equal(isBlank([10, 200, 30, 120]), false);
  });

  it('framesDiffer() ignores sensor noise but sees movement', () => {
    assert.equal(framesDiffer([100, 100, 100], [101, 99, 102]), false);
    assert.equal(framesDiffer([100, 100, 100], [100, 140, 100]), true);
  });
});
