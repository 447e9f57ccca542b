import { useId } from 'react';
import { niceMax } from './chart-scale';

export interface BarChartProps {
  title: string;
  points: readonly { label: string; value: number }[];
  /** How a value reads in the text alternative and on the bars, e.g. 12 → 「12件」. */
  valueText: (value: number) => string;
  /** 「数値: …」 wrapper for the text alternative. */
  summary: (items: string) => string;
  emptyText: string;
  /** Show every n-th x label when there are many bars. */
  maxLabels?: number;
  /** Drawing width in SVG units; give wide charts more so their text keeps the same size. */
  width?: number;
  className?: string;
}

const HEIGHT = 180;
const FONT_UNITS = 12;

/** Rough width of a label in SVG units: CJK characters are about twice as wide as Latin ones. */
function labelWidth(label: string): number {
  let width = 0;
  for (const ch of label) width += ch.charCodeAt(0) > 0x2e7f ? FONT_UNITS : FONT_UNITS * 0.6;
  return width + 6;
}
const TOP = 20;
const BOTTOM = 36;
const LEFT = 36;

/** A hand-drawn SVG bar chart; the figure's caption and the image's label carry every number. */
export function BarChart({ title, points, valueText, summary, emptyText, maxLabels = 16, width = 400, className = '' }: BarChartProps) {
  const titleId = useId();
  const text = summary(points.map((p) => `${p.label} ${valueText(p.value)}`).join('、'));
  if (points.length === 0 || points.every((p) => p.value === 0)) {
    return (
      <figure className={`chart ${className}`}>
        <figcaption className="chart__title">{title}</figcaption>
        <p className="chart__empty">{emptyText}</p>
      </figure>
    );
  }
  const slot = Math.min(width / 6, (width - LEFT - 8) / points.length);
  const top = niceMax(Math.max(...points.map((p) => p.value)));
  const plot = HEIGHT - TOP - BOTTOM;
  // Every n-th label only, so that neighbours never overlap.
  const widest = Math.max(...points.map((p) => labelWidth(p.label)));
  const labelEvery = Math.max(Math.ceil(points.length / maxLabels), Math.ceil(widest / slot));
  const y = (value: number) => TOP + plot - (value / top) * plot;

  return (
    <figure className={`chart ${className}`}>
      <figcaption id={titleId} className="chart__title">
        {title}
      </figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={`${titleId}-desc`}>
        <desc id={`${titleId}-desc`}>{text}</desc>
        {[0, top / 2, top].filter(Number.isInteger).map((tick) => (
          <g key={tick} className="chart__grid">
            <line x1={LEFT} x2={width} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 4} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = LEFT + i * slot + slot * 0.15;
          const barWidth = slot * 0.7;
          return (
            <g key={`${p.label}-${i}`}>
              <rect className="chart__bar" x={x} y={y(p.value)} width={barWidth} height={Math.max(0, TOP + plot - y(p.value))} />
              {points.length <= 31 && p.value > 0 ? (
                <text className="chart__value" x={x + barWidth / 2} y={y(p.value) - 4} textAnchor="middle">
                  {p.value}
                </text>
              ) : null}
              {i % labelEvery === 0 ? (
                <text className="chart__label" x={x + barWidth / 2} y={HEIGHT - BOTTOM + 16} textAnchor="middle">
                  {p.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <p className="chart__summary">{text}</p>
    </figure>
  );
}
