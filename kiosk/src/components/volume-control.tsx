import { useId } from 'react';

export const VOLUME_STEPS = 5;

export interface VolumeControlProps {
  /** 1..VOLUME_STEPS */
  level: number;
  labels: { volume: string; volumeDown: string; volumeUp: string };
  onChange: (level: number) => void;
}

/**
 * Two big buttons and bars: no slider to drag on a touch screen. The word 「音量」 is written
 * next to them, so a resident who does not read − and ＋ as volume still finds it.
 */
export function VolumeControl({ level, labels, onChange }: VolumeControlProps) {
  const labelId = useId();
  return (
    <div className="volume-control" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="volume-control__label">
        {labels.volume}
      </span>
      <button type="button" className="volume-control__button" disabled={level <= 1} onClick={() => onChange(level - 1)} aria-label={labels.volumeDown}>
        −
      </button>
      <meter className="volume-control__meter" min={0} max={VOLUME_STEPS} value={level} aria-label={labels.volume} />
      <button type="button" className="volume-control__button" disabled={level >= VOLUME_STEPS} onClick={() => onChange(level + 1)} aria-label={labels.volumeUp}>
        ＋
      </button>
    </div>
  );
}
