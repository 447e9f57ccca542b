import { useId } from 'react';
import type { ReactNode } from 'react';

export interface PageSectionProps {
  heading: string;
  /** A sentence under the heading saying what the page is for. */
  lead?: string;
  /** Tables and calendars take the full width. */
  wide?: boolean;
  children: ReactNode;
}

/** A staff-app page: a section named by its one h1, so screen readers list each page by its title. */
export function PageSection({ heading, lead, wide = false, children }: PageSectionProps) {
  const headingId = useId();
  return (
    <section className={wide ? 'page page--wide' : 'page'} aria-labelledby={headingId}>
      <h1 id={headingId} className="page__title">
        {heading}
      </h1>
      {lead ? <p>{lead}</p> : null}
      {children}
    </section>
  );
}
