import { createLogger } from '@madoguchi/call-core/logger';

const logger = createLogger('kiosk-watchdog');

export interface UiWatchdogOptions {
  /** How often the page notes that it is alive. */
  tickMs?: number;
  /** A gap this long between two ticks of a visible page means the UI thread was stuck. */
  stallMs?: number;
  /** May the page be reloaded now? (Never in the middle of a call.) */
  canReload: () => boolean;
  reload?: () => void;
}

/**
 * A page whose main thread stopped for a long time (a runaway loop, a GPU hang) is left in
 * an unknown state: reload it once it can run again. Without a worker the page cannot see
 * itself stuck, only that it was: each tick checks how long ago the previous one ran. A hidden
 * tab's timers are throttled, so gaps count only while the page stayed visible; the limit is
 * generous so a slow test machine never trips it.
 */
export function startUiWatchdog({ tickMs = 2_000, stallMs = 60_000, canReload, reload = () => window.location.reload() }: UiWatchdogOptions): () => void {
  let last = Date.now();
  let visibleSinceLast = document.visibilityState === 'visible';
  const onVisibility = (): void => {
    // Time spent hidden is not a stall; start counting afresh.
    visibleSinceLast = false;
    last = Date.now();
  };
  document.addEventListener('visibilitychange', onVisibility);
  const timer = window.setInterval(() => {
    const now = Date.now();
    const gap = now - last;
    const visible = document.visibilityState === 'visible';
    if (visible && visibleSinceLast && gap > stallMs && canReload()) {
      logger.error('UI thread stalled; reloading', { gapMs: gap });
      reload();
    }
    last = now;
    visibleSinceLast = visible;
  }, tickMs);
  return () => {
    window.clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
