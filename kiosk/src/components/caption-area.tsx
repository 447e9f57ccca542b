import type { CaptionLine } from '@madoguchi/contract/captions';
import { BigButton } from './big-button';

export interface CaptionAreaProps {
  lines: readonly CaptionLine[];
  labels: { area: string; waiting: string; keepQuestion: string; keepYes: string; keepNo: string };
  /** The town keeps caption text and the resident has not answered yet. */
  askToKeep: boolean;
  onKeepAnswer: (keep: boolean) => void;
}

/**
 * The specialist's speech as very large text at the bottom of the call screen: the newest line at
 * the bottom, a line still being spoken (or typed) greyed until it is complete. The caption
 * text is in the language spoken, so it carries no translation.
 */
export function CaptionArea({ lines, labels, askToKeep, onKeepAnswer }: CaptionAreaProps) {
  return (
    <section className="captions" aria-label={labels.area}>
      {askToKeep ? (
        <div className="captions__question">
          <p>{labels.keepQuestion}</p>
          <BigButton variant="quiet" onClick={() => onKeepAnswer(true)}>
            {labels.keepYes}
          </BigButton>
          <BigButton variant="quiet" onClick={() => onKeepAnswer(false)}>
            {labels.keepNo}
          </BigButton>
        </div>
      ) : null}
      {/* Screen readers hear each complete line once; partial text would be read out word by word. */}
      <p className="captions__spoken" role="status">
        {lines.filter((line) => line.final).at(-1)?.text ?? ''}
      </p>
      {lines.length === 0 ? (
        <p className="captions__waiting">{labels.waiting}</p>
      ) : (
        <ol className="captions__lines" aria-hidden="true">
          {lines.map((line) => (
            <li
              key={line.lineId}
              className={line.final ? 'captions__line' : 'captions__line captions__line--partial'}
              data-final={line.final ? 'true' : 'false'}
              data-source={line.source}
              data-line-id={line.lineId}
            >
              {line.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
