import type { PointerMark } from '@madoguchi/contract/signalling-schemas';
import type { StaffCallClient } from '../call/staff-call-client';
import { FeatureStore, onlyCall } from './feature-store';
import type { CallFilter, ServerEventSource } from './feature-store';
import { Throttle } from './throttle';

export type MarkKind = PointerMark['kind'];
export type MarkColor = PointerMark['color'];
/** A point of the document frame, 0..1 on both axes. */
export type FramePoint = [number, number];

/** The contract's limits on one `pointer` request. */
export const MAX_MARKS = 50;
export const MAX_POINTS_PER_MARK = 300;

/** Points closer than this (in frame units) to the previous one add nothing visible. */
const MIN_STEP = 0.003;

/** About ten updates a second while drawing. */
const SEND_INTERVAL_MS = 100;

/** One colour table, so the specialist's 「赤い丸」 is the same red on the kiosk. */
export const MARK_COLORS: Record<MarkColor, string> = { red: '#e0201b', yellow: '#ffd500', blue: '#1f6fe0' };

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

export interface PointerMarksState {
  marks: readonly PointerMark[];
  /** The stroke being drawn right now (the desk only). */
  stroke: PointerMark | null;
  /** The last send was refused (the desk only). */
  failed: boolean;
}

const EMPTY: PointerMarksState = { marks: [], stroke: null, failed: false };

/** Sends the whole set of marks of a call. */
export type SendMarks = (marks: PointerMark[]) => Promise<unknown>;

/**
 * The desk's marks on the document view. Every change sends the whole set to the kiosk, at most
 * about ten times a second while drawing and always the final state.
 */
export class DeskPointerMarks extends FeatureStore<PointerMarksState> {
  private readonly throttle: Throttle<PointerMark[]>;

  constructor(private readonly sendMarks: SendMarks) {
    super(EMPTY);
    this.throttle = new Throttle(SEND_INTERVAL_MS, (all) => {
      sendMarks(marksToSend(all)).then(
        () => this.patch({ failed: false }),
        () => this.patch({ failed: true }),
      );
    });
  }

  begin(kind: MarkKind, color: MarkColor, point: FramePoint): void {
    this.publish(this.getSnapshot().marks, { kind, color, points: [point] });
  }

  extend(point: FramePoint): void {
    const current = this.getSnapshot().stroke;
    if (!current) return;
    const points = extendStroke(current.points as FramePoint[], point);
    if (points.length === current.points.length) return;
    this.publish(this.getSnapshot().marks, { ...current, points });
  }

  end(): void {
    const { marks, stroke } = this.getSnapshot();
    if (!stroke) return;
    this.publish([...marks, stroke], null);
    this.throttle.flush();
  }

  clear(): void {
    this.publish([], null);
    this.throttle.flush();
  }

  /** The pane closing (document camera off, call over) takes its marks off the kiosk's screen too. */
  override close(): void {
    this.throttle.cancel();
    if (this.getSnapshot().marks.length > 0) this.sendMarks([]).catch(() => undefined);
    super.close();
  }

  private publish(marks: readonly PointerMark[], stroke: PointerMark | null): void {
    this.patch({ marks, stroke });
    this.throttle.push(stroke ? [...marks, stroke] : [...marks]);
  }
}

export function deskPointerMarks(desk: StaffCallClient, consultationId: string): DeskPointerMarks {
  return new DeskPointerMarks((marks) => desk.sendStaffRequest('pointer', { consultationId, marks }));
}

/** The marks as the kiosk receives them: each `pointerMarks` replaces the whole set. */
export class ReceivedPointerMarks extends FeatureStore<PointerMarksState> {
  constructor(call: ServerEventSource, accepts: CallFilter) {
    super(EMPTY);
    this.own(
      call.onServerEvent('pointerMarks', ({ consultationId, marks }) => {
        if (accepts(consultationId)) this.patch({ marks });
      }),
    );
  }

  /** The document camera went off: marks on a picture nobody sees mean nothing. */
  clear(): void {
    this.reset();
  }
}

export function receivedPointerMarks(call: ServerEventSource, consultationId: string): ReceivedPointerMarks {
  return new ReceivedPointerMarks(call, onlyCall(consultationId));
}
