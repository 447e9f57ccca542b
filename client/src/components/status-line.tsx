/** A polite live region: screen readers announce each new status once. */
export function StatusLine({ text, tone = 'info' }: { text: string; tone?: 'info' | 'warning' }) {
  return (
    <p className={`status-line status-line--${tone}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
