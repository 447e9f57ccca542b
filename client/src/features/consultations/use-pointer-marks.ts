import { useEffect, useMemo, useRef, useState } from 'react';
import type { PointerMark } from '@madoguchi/contract/signalling-schemas';
import { useStaffCall } from '../../hooks/use-call-client';
import type { FramePoint } from './document-view';
import { Throttle, extendStroke, marksToSend } from './pointer-marks';
import type { MarkColor, MarkKind } from './pointer-marks';

/** About ten updates a second while drawing. */
const SEND_INTERVAL_MS = 100;

export interface PointerMarks {
  marks: readonly PointerMark[];
  /** The stroke being drawn right now, if any. */
  stroke: PointerMark | null;
  begin(kind: MarkKind, color: MarkColor, point: FramePoint): void;
  extend(point: FramePoint): void;
  end(): void;
  clear(): void;
  failed: boolean;
}

/** The marks on the document view; every change sends the whole set to the kiosk. */
export function usePointerMarks(sessionId: string | null): PointerMarks {
  const session = useStaffCall();
  const [marks, setMarks] = useState<readonly PointerMark[]>([]);
  const [stroke, setStroke] = useState<PointerMark | null>(null);
  const [failed, setFailed] = useState(false);
  const strokeRef = useRef<PointerMark | null>(null);
  const marksRef = useRef<readonly PointerMark[]>([]);

  const throttle = useMemo(
    () =>
      new Throttle<PointerMark[]>(SEND_INTERVAL_MS, (all) => {
        if (!sessionId) return;
        session.sendStaffRequest('pointer', { sessionId, marks: marksToSend(all) }).then(
          () => setFailed(false),
          () => setFailed(true),
        );
      }),
    [session, sessionId],
  );
  // The pane closing (document camera off, call over) takes its marks off the kiosk's screen too.
  useEffect(
    () => () => {
      throttle.cancel();
      if (sessionId && marksRef.current.length > 0) {
        session.sendStaffRequest('pointer', { sessionId, marks: [] }).catch(() => undefined);
      }
    },
    [throttle, session, sessionId],
  );

  const publish = (nextMarks: readonly PointerMark[], nextStroke: PointerMark | null) => {
    marksRef.current = nextMarks;
    strokeRef.current = nextStroke;
    setMarks(nextMarks);
    setStroke(nextStroke);
    throttle.push(nextStroke ? [...nextMarks, nextStroke] : [...nextMarks]);
  };

  return {
    marks,
    stroke,
    failed,
    begin(kind, color, point) {
      publish(marksRef.current, { kind, color, points: [point] });
    },
    extend(point) {
      const current = strokeRef.current;
      if (!current) return;
      const points = extendStroke(current.points as FramePoint[], point);
      if (points.length === current.points.length) return;
      publish(marksRef.current, { ...current, points });
    },
    end() {
      const current = strokeRef.current;
      if (!current) return;
      publish([...marksRef.current, current], null);
      throttle.flush();
    },
    clear() {
      publish([], null);
      throttle.flush();
    },
  };
}
