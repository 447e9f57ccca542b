import { useId } from 'react';

export interface SegmentedControlProps<T extends string> {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

/** Mutually exclusive toggle buttons (aria-pressed) under a visible group label. */
export function SegmentedControl<T extends string>({ label, options, value, onChange }: SegmentedControlProps<T>) {
  const labelId = useId();
  return (
    <div className="segmented">
      <span id={labelId} className="segmented__label">
        {label}
      </span>
      <div role="group" aria-labelledby={labelId} className="segmented__options">
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            className="segmented__option"
            aria-pressed={option.value === value}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}
