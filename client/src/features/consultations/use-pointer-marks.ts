import type { PointerMark } from '@madoguchi/contract/signalling-schemas';
import { deskPointerMarks } from '@madoguchi/call-core/in-call/pointer-marks';
import type { FramePoint, MarkColor, MarkKind, PointerMarksState } from '@madoguchi/call-core/in-call/pointer-marks';
import { useInCallFeature } from '@madoguchi/call-core/in-call/use-in-call-feature';
import { useStaffCall } from '../../hooks/use-call-client';

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

const EMPTY: PointerMarksState = { marks: [], stroke: null, failed: false };

/** The marks on the document view (the call core's DeskPointerMarks); closing the pane clears them on the kiosk. */
export function usePointerMarks(consultationId: string | null): PointerMarks {
  const desk = useStaffCall();
  const { feature, state } = useInCallFeature(() => (consultationId ? deskPointerMarks(desk, consultationId) : null), [desk, consultationId], EMPTY);
  return {
    ...state,
    begin: (kind, color, point) => feature?.begin(kind, color, point),
    extend: (point) => feature?.extend(point),
    end: () => feature?.end(),
    clear: () => feature?.clear(),
  };
}
