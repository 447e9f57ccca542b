import type { KeypadKey } from '../visit/code-entry';

export interface NumericKeypadProps {
  onKey: (key: KeypadKey) => void;
  labels: { backspace: string; clear: string };
  disabled?: boolean;
}

const ROWS: readonly (readonly KeypadKey[])[] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
  ['clear', '0', 'backspace'],
];

/** A telephone-style keypad with keys as large as the screen allows. */
export function NumericKeypad({ onKey, labels, disabled = false }: NumericKeypadProps) {
  return (
    <div className="keypad" role="group">
      {ROWS.flat().map((key) => {
        const isDigit = key !== 'clear' && key !== 'backspace';
        return (
          <button
            key={key}
            type="button"
            className={`keypad__key ${isDigit ? 'keypad__key--digit' : 'keypad__key--edit'}`}
            onClick={() => onKey(key)}
            disabled={disabled}
          >
            {key === 'backspace' ? (
              <>
                <span aria-hidden="true">⌫ </span>
                {labels.backspace}
              </>
            ) : null}
            {key === 'clear' ? labels.clear : null}
            {isDigit ? key : null}
          </button>
        );
      })}
    </div>
  );
}
