import { useId } from 'react';

export const VOLUME_STEPS = 5;

export interface VolumeControlProps {
  /** 1..VOLUME_STEPS */
  level: number;
  labels: { volume: string; volumeDown: string; volumeUp: string };
  onChange: (level: number) => void;
}

/** Two big buttons and bars under a visible 「音量」: no slider to drag on a touch screen. */
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
      <meter className="volume-control__meter" min={0} max={VOLUME_STEPS} value={level} aria-labelledby={labelId} />
      <button type="button" className="volume-control__button" disabled={level >= VOLUME_STEPS} onClick={() => onChange(level + 1)} aria-label={labels.volumeUp}>
        ＋
      </button>
    </div>
  );
}
