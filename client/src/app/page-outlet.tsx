import { Suspense } from 'react';
import type { StaffRole } from '@madoguchi/contract/staff';
import { Notice } from '../components/notice';
import { PageErrorBoundary } from '../components/page-error-boundary';
import { common } from '../i18n/common-messages';
import { shellMessages } from '../i18n/shell-messages';
import { AuditPage, CheckPage, OperationsPage, CalendarPage, ReportsPage, RecordDetailPage, RecordsPage, SettingsPage, SlipPage } from './lazy-pages';
import { hrefFor, routeAllowed } from './routes';
import type { Route } from './routes';

type Unavailable = keyof typeof shellMessages.unavailableTitle;

/** Still a screen with its own heading: a screen reader lands on it like on any other. */
function NotAvailable({ reason }: { reason: Unavailable }) {
  return (
    <section className="page" aria-labelledby="unavailable-heading">
      <h1 id="unavailable-heading" className="page__title">
        {shellMessages.unavailableTitle[reason]}
      </h1>
      <Notice tone="error" text={shellMessages[reason]} />
      <a className="button button--secondary" href={hrefFor({ name: 'console' })}>
        {shellMessages.goToConsole}
      </a>
    </section>
  );
}

function pageFor(route: Route) {
  switch (route.name) {
    case 'calendar':
      return <CalendarPage query={route.query} />;
    case 'slip':
      return <SlipPage appointmentId={route.appointmentId} />;
    case 'consultations':
      return <RecordsPage query={route.query} />;
    case 'consultation':
      return <RecordDetailPage id={route.id} />;
    case 'reports':
      return <ReportsPage query={route.query} />;
    case 'settings':
      return <SettingsPage section={route.section} />;
    case 'audit':
      return <AuditPage query={route.query} />;
    case 'operations':
      return <OperationsPage />;
    case 'check':
      return <CheckPage />;
    case 'console':
      return null;
    case 'notFound':
      return <NotAvailable reason="notFound" />;
  }
}

/** The screen for every route except the console, which the shell keeps mounted itself. */
export function PageOutlet({ route, role }: { route: Route; role: StaffRole }) {
  if (!routeAllowed(route, role)) return <NotAvailable reason="notAllowed" />;
  return (
    <PageErrorBoundary resetKey={hrefFor(route)} fallback={<NotAvailable reason="pageFailed" />}>
      <Suspense fallback={<p role="status" className="page__loading">{common.loading}</p>}>{pageFor(route)}</Suspense>
    </PageErrorBoundary>
  );
}
