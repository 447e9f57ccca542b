import { consoleMessages } from '../../i18n/console-messages';
import type { QualityLevel, QualityReading } from './quality-stats';

const t = consoleMessages.quality;

function fixed(value: number | null, unit: string, digits = 0): string {
  return value === null ? '—' : `${value.toFixed(digits)} ${unit}`;
}

export function qualityDetails(reading: QualityReading | null): string {
  if (!reading) return t.levels.unknown;
  const losses = [reading.inLossPercent, reading.outLossPercent].filter((v): v is number => v !== null);
  const loss = losses.length > 0 ? Math.max(...losses) : null;
  return t.details(fixed(reading.rttMs, 'ms'), fixed(loss, '%', 1), fixed(reading.inKbps, 'kbps'), fixed(reading.outKbps, 'kbps'));
}

/** A coloured dot with good/fair/poor, and the numbers behind it. */
export function QualityIndicator({ level, reading }: { level: QualityLevel; reading: QualityReading | null }) {
  const details = qualityDetails(reading);
  return (
    <p className={`quality quality--${level}`} title={details} data-quality={level}>
      <span className="quality__dot" aria-hidden="true" />
      <span className="quality__level">
        {t.label}: {t.levels[level]}
      </span>
      <span className="quality__details">{details}</span>
    </p>
  );
}
