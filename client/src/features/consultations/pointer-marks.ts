import type { FramePoint } from '@madoguchi/call-core/in-call/pointer-marks';

/** SVG path data for a stroke in a 0..1 viewBox. */
export function strokePath(points: readonly FramePoint[]): string {
  return points.map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${x} ${y}`).join(' ');
}
