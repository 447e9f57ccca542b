import type { StaffRole } from '@madoguchi/contract/staff';
import { NavLinks } from '../components/nav-links';
import type { NavLink } from '../components/nav-links';
import { shellMessages } from '../i18n/shell-messages';
import { hrefFor, routeAllowed } from './routes';
import type { Route, RouteName } from './routes';

interface Entry {
  route: Route;
  label: string;
  /** Routes under this entry, for aria-current. */
  covers: readonly RouteName[];
}

const nav = shellMessages.nav;
const ENTRIES: readonly Entry[] = [
  { route: { name: 'console' }, label: nav.console, covers: ['console'] },
  { route: { name: 'calendar', query: {} }, label: nav.calendar, covers: ['calendar', 'slip'] },
  { route: { name: 'consultations', query: {} }, label: nav.consultations, covers: ['consultations', 'consultation'] },
  { route: { name: 'reports', query: {} }, label: nav.reports, covers: ['reports'] },
  { route: { name: 'settings', section: 'departments' }, label: nav.settings, covers: ['settings'] },
  { route: { name: 'operations' }, label: nav.operations, covers: ['operations'] },
  { route: { name: 'audit', query: {} }, label: nav.audit, covers: ['audit'] },
  { route: { name: 'check' }, label: nav.check, covers: ['check'] },
];

/** The main menu: everything for admins, the console and records for staff. */
export function MainNavigation({ current, role }: { current: Route; role: StaffRole }) {
  const links: NavLink[] = ENTRIES.filter((entry) => routeAllowed(entry.route, role)).map((entry) => ({
    key: entry.route.name,
    href: hrefFor(entry.route),
    label: entry.label,
    current: entry.covers.includes(current.name),
  }));
  return <NavLinks label={nav.label} links={links} className="nav nav--main" />;
}
