import type { ReactNode } from 'react';
import { describeError } from '../i18n/describe-error';
import { Notice } from './notice';

export interface SettingsCardProps {
  /** The heading's id, which the card is labelled by. */
  headingId: string;
  heading: string;
  lead: string;
  /** What the last action did, e.g. 「定型文を追加しました。」 */
  notice: string | null;
  /** The last action's or the list's error: shown as it is when already put in words, described otherwise. */
  error: unknown;
  children: ReactNode;
}

/** A settings card that lists and changes things: heading, lead, the last notice or error, then its content. */
export function SettingsCard({ headingId, heading, lead, notice, error, children }: SettingsCardProps) {
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {heading}
      </h2>
      <p className="page__hint">{lead}</p>
      {notice ? <Notice tone="success" text={notice} /> : null}
      {error ? <Notice tone="error" text={typeof error === 'string' ? error : describeError(error)} /> : null}
      {children}
    </section>
  );
}
