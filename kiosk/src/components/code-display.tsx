export interface CodeDisplayProps {
  code: string;
  length: number;
  label: string;
  /** Groups of this many digits are set apart, so eight digits read as 4 + 4. */
  groupSize?: number;
}

/** One big box per digit; the box the next digit goes into is marked. */
export function CodeDisplay({ code, length, label, groupSize }: CodeDisplayProps) {
  const boxes = Array.from({ length }, (_, index) => {
    const digit = code[index] ?? '';
    const classes = ['code-display__box'];
    if (index === code.length) classes.push('code-display__box--next');
    if (groupSize && index > 0 && index % groupSize === 0) classes.push('code-display__box--group');
    return (
      <span key={index} className={classes.join(' ')}>
        {digit}
      </span>
    );
  });
  return (
    <div className="code-display" role="status" aria-label={`${label}: ${code.split('').join(' ')}`}>
      {boxes}
    </div>
  );
}
