import type { PointerMark } from '@madoguchi/contract/signalling-schemas';
import type { FramePoint } from './document-view';

export type MarkKind = PointerMark['kind'];
export type MarkColor = PointerMark['color'];

/** The contract's limits on one `pointer` request. */
export const MAX_MARKS = 50;
export const MAX_POINTS_PER_MARK = 300;

/** Points closer than this (in frame units) to the previous one add nothing visible. */
const MIN_STEP = 0.003;

/** Adds a point to a stroke unless it is too close to the last one or the stroke is full. */
export function extendStroke(points: readonly FramePoint[], next: FramePoint): FramePoint[] {
  const last = points.at(-1);
  if (points.length >= MAX_POINTS_PER_MARK) return [...points];
  if (last && Math.hypot(next[0] - last[0], next[1] - last[1]) < MIN_STEP) return [...points];
  return [...points, next];
}

/** The marks to send: the newest MAX_MARKS, each within the point limit. */
export function marksToSend(marks: readonly PointerMark[]): PointerMark[] {
  return marks.slice(-MAX_MARKS).map((mark) => ({ ...mark, points: mark.points.slice(0, MAX_POINTS_PER_MARK) }));
}

/** SVG path data for a stroke in a 0..1 viewBox. */
export function strokePath(points: readonly FramePoint[]): string {
  return points.map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${x} ${y}`).join(' ');
}

export const MARK_COLORS: Record<MarkColor, string> = { red: '#e0201b', yellow: '#ffd500', blue: '#1f6fe0' };

/**
 * Lets at most one send through per interval while drawing; the last state always goes out
 * (trailing call), so the kiosk ends with exactly what the specialist sees.
 */
export class Throttle<T> {
  private readonly intervalMs: number;
  private readonly sendNow: (value: T) => void;
  private lastSentAt = -Infinity;
  private pending: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;

  constructor(intervalMs: number, send: (value: T) => void, now: () => number = Date.now) {
    this.intervalMs = intervalMs;
    this.sendNow = send;
    this.now = now;
  }

  push(value: T): void {
    const wait = this.lastSentAt + this.intervalMs - this.now();
    if (wait <= 0 && this.timer === null) {
      this.emit(value);
      return;
    }
    this.pending = { value };
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, wait));
  }

  /** Sends the waiting value now, if any. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const pending = this.pending;
    this.pending = null;
    if (pending) this.emit(pending.value);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private emit(value: T): void {
    this.lastSentAt = this.now();
    this.sendNow(value);
  }
}
