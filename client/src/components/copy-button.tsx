import { useState } from 'react';

export interface CopyButtonProps {
  text: string;
  label: string;
  copiedLabel: string;
  failedLabel: string;
}

/** Copies `text` to the clipboard and says so in a live region. */
export function CopyButton({ text, label, copiedLabel, failedLabel }: CopyButtonProps) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };
  return (
    <span className="copy-button">
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-button__result">
        {result === 'copied' ? copiedLabel : result === 'failed' ? failedLabel : ''}
      </span>
    </span>
  );
}
