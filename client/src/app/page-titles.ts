import { shellMessages } from '../i18n/shell-messages';
import type { Route } from './routes';

/** The menu label of the screen a route shows, for document.title. */
export function pageTitle(route: Route): string {
  const nav = shellMessages.nav;
  switch (route.name) {
    case 'console':
    case 'notFound':
      return nav.console;
    case 'calendar':
    case 'slip':
      return nav.calendar;
    case 'consultations':
    case 'consultation':
      return nav.consultations;
    case 'reports':
      return nav.reports;
    case 'settings':
      return `${nav.settings}: ${shellMessages.settingsNav[route.section]}`;
    case 'audit':
      return nav.audit;
    case 'operations':
      return nav.operations;
    case 'check':
      return nav.check;
  }
}
