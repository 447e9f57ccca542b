import { useEffect } from 'react';
import { applyKey, DIGITS } from '../visit/code-entry';
import type { KeypadKey } from '../visit/code-entry';
import { BigButton } from './big-button';
import { NumericKeypad } from './numeric-keypad';

export interface KeypadEntryProps {
  code: string;
  length: number;
  labels: { backspace: string; clear: string; submit: string };
  busy: boolean;
  onChange: (code: string) => void;
  onSubmit: (code: string) => void;
}

function keyFromKeyboard(key: string): KeypadKey | 'submit' | null {
  if ((DIGITS as readonly string[]).includes(key)) return key as KeypadKey;
  if (key === 'Backspace') return 'backspace';
  if (key === 'Escape' || key === 'Delete') return 'clear';
  if (key === 'Enter') return 'submit';
  return null;
}

/** Keypad and confirm button for a code of fixed length; the digits live with the screen. */
export function KeypadEntry({ code, length, labels, busy, onChange, onSubmit }: KeypadEntryProps) {
  const complete = code.length === length;

  // An installer may type on a keyboard; residents only have the touch screen.
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      const key = keyFromKeyboard(event.key);
      if (!key || busy) return;
      event.preventDefault();
      if (key !== 'submit') onChange(applyKey(code, key, length));
      else if (code.length === length) onSubmit(code);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [busy, code, length, onChange, onSubmit]);

  return (
    <div className="code-entry">
      <NumericKeypad onKey={(key) => onChange(applyKey(code, key, length))} labels={labels} disabled={busy} />
      <BigButton size="large" onClick={() => onSubmit(code)} disabled={!complete || busy}>
        {labels.submit}
      </BigButton>
    </div>
  );
}
