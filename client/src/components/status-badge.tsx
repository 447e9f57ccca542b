/** A coloured label; the text carries the meaning, the colour only helps. */
export function StatusBadge({ tone, label }: { tone: string; label: string }) {
  return <span className={`badge badge--${tone}`}>{label}</span>;
}
