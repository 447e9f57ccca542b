import type { PointerMark } from '@madoguchi/contract/signalling-schemas';
import type { FramePoint } from './document-view';
import { MARK_COLORS } from '@madoguchi/call-core/in-call/pointer-marks';
import { strokePath } from './pointer-marks';

/** The marks over the document frame; drawn in frame units (0..1), so zoom and rotation carry them along. */
export function MarksOverlay({ marks, stroke }: { marks: readonly PointerMark[]; stroke: PointerMark | null }) {
  const all = stroke ? [...marks, stroke] : marks;
  return (
    <svg className="document__marks" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
      {all.map((mark, index) => (
        <path
          key={index}
          d={strokePath(mark.points as FramePoint[])}
          fill="none"
          stroke={MARK_COLORS[mark.color]}
          strokeWidth={mark.kind === 'highlight' ? 16 : 4}
          strokeOpacity={mark.kind === 'highlight' ? 0.4 : 1}
          strokeLinecap="round"
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
}
