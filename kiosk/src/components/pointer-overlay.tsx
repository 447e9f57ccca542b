import type { PointerMark } from '@madoguchi/contract/signalling-schemas';
import { MARK_COLORS as STROKE } from '@madoguchi/call-core/in-call/pointer-marks';

/**
 * The specialist's marks over the document video. Points are 0..1 of the video frame, so
 * the SVG's user space is the unit square stretched over exactly the frame.
 */
export function PointerOverlay({ marks }: { marks: readonly PointerMark[] }) {
  return (
    <svg className="pointer-overlay" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
      {marks.map((mark, index) => {
        const [first] = mark.points;
        if (mark.points.length === 1 && first) {
          return <circle key={index} cx={first[0]} cy={first[1]} r={0.015} fill="none" stroke={STROKE[mark.color]} strokeWidth={4} vectorEffect="non-scaling-stroke" />;
        }
        return (
          <polyline
            key={index}
            points={mark.points.map(([x, y]) => `${x},${y}`).join(' ')}
            fill="none"
            stroke={STROKE[mark.color]}
            strokeOpacity={mark.kind === 'highlight' ? 0.4 : 1}
            strokeWidth={mark.kind === 'highlight' ? 24 : 6}
            strokeLinecap="round"
            strokeLinejoin="round"
            vectorEffect="non-scaling-stroke"
          />
        );
      })}
    </svg>
  );
}
