import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { startUiWatchdog } from '../../../kiosk/src/device/ui-watchdog';

/** Just enough of a page for the watchdog: visibility and its event. */
class FakeDocument {
  visibilityState: 'visible' | 'hidden' = 'visible';
  private listener: (() => void) | null = null;
  addEventListener(_type: string, listener: () => void): void {
    this.listener = listener;
  }
  removeEventListener(): void {
    this.listener = null;
  }
  setVisibility(state: 'visible' | 'hidden'): void {
    this.visibilityState = state;
    this.listener?.();
  }
}

const globals = globalThis as unknown as { document?: unknown; window?: unknown };

describe('startUiWatchdog()', () => {
  let page: FakeDocument;
  let stop: (() => void) | null = null;

  beforeEach(() => {
    mock.timers.enable({ apis: ['setInterval', 'Date'], now: 1_000_000 });
    page = new FakeDocument();
    globals.document = page;
    globals.window = { setInterval, clearInterval };
  });
  afterEach(() => {
    stop?.();
    mock.timers.reset();
    delete globals.document;
    delete globals.window;
  });

  /** The main thread is stuck for `ms`: time passes, no interval runs, then the next one does. */
  const stall = (ms: number): void => {
    mock.timers.setTime(Date.now() + ms);
    mock.timers.tick(2_000);
  };

  it('reloads after a long stall of a visible page', () => {
    let reloads = 0;
    stop = startUiWatchdog({ canReload: () => true, reload: () => (reloads += 1) });
    mock.timers.tick(10_000);
    assert.equal(reloads, 0, 'regular ticks are no stall');
    stall(70_000);
    assert.equal(reloads, 1);
  });

  it('does not reload for a short stall, for time spent hidden, or when the kiosk is busy', () => {
    let reloads = 0;
    let busy = false;
    stop = startUiWatchdog({ canReload: () => !busy, reload: () => (reloads += 1) });
    stall(20_000);
    page.setVisibility('hidden');
    stall(300_000);
    page.setVisibility('visible');
    mock.timers.tick(2_000);
    busy = true;
    stall(70_000);
    assert.equal(reloads, 0);
  });
});
