import type { StaffRole } from '@madoguchi/contract/staff';

export const SETTINGS_SECTIONS = ['departments', 'staff', 'kiosks', 'booking', 'integrations', 'phrases', 'forms'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export type RouteQuery = Readonly<Record<string, string>>;

/** Every screen of the staff app, addressed by the URL hash (`#/consultations?page=2`). */
export type Route =
  | { name: 'console' }
  | { name: 'calendar'; query: RouteQuery }
  | { name: 'consultations'; query: RouteQuery }
  | { name: 'consultation'; id: string }
  | { name: 'reports'; query: RouteQuery }
  | { name: 'settings'; section: SettingsSection }
  | { name: 'audit'; query: RouteQuery }
  | { name: 'operations' }
  /** The connection check an installer runs on a staff PC. */
  | { name: 'check' }
  | { name: 'slip'; appointmentId: string }
  | { name: 'notFound' };

export type RouteName = Route['name'];

const STAFF_ROUTES: ReadonlySet<RouteName> = new Set(['console', 'consultations', 'consultation', 'check', 'notFound']);

/** Staff see the console and the consultation records; admins see everything. */
export function routeAllowed(route: Route, role: StaffRole): boolean {
  return role === 'admin' || STAFF_ROUTES.has(route.name);
}

function queryOf(search: string): RouteQuery {
  return Object.fromEntries(new URLSearchParams(search));
}

function isSettingsSection(value: string | undefined): value is SettingsSection {
  return value !== undefined && (SETTINGS_SECTIONS as readonly string[]).includes(value);
}

/**
 * Staff links from before issue 15 renamed the records (the legacy segment, bookmarked or pasted
 * into mails) open the same pages.
 */
const LEGACY_RECORDS_SEGMENT: string = 'sessions'; // rename:keep
const RECORDS_SEGMENT: string = 'consultations';

/** `#/consultations/<id>` → { name: 'consultation', id }. An empty hash is the console. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', search = ''] = raw.split('?', 2);
  const parts = pathPart
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent)
    .map((part, index) => (index === 0 && part === LEGACY_RECORDS_SEGMENT ? RECORDS_SEGMENT : part));
  const [first, second, third] = parts;
  const query = queryOf(search);
  if (parts.length === 0 || (first === 'console' && parts.length === 1)) return { name: 'console' };
  if (first === 'calendar' && parts.length === 1) return { name: 'calendar', query };
  if (first === 'consultations' && parts.length === 1) return { name: 'consultations', query };
  if (first === 'consultations' && second && parts.length === 2) return { name: 'consultation', id: second };
  if (first === 'reports' && parts.length === 1) return { name: 'reports', query };
  if (first === 'audit' && parts.length === 1) return { name: 'audit', query };
  if (first === 'operations' && parts.length === 1) return { name: 'operations' };
  if (first === 'check' && parts.length === 1) return { name: 'check' };
  if (first === 'settings' && parts.length === 1) return { name: 'settings', section: 'departments' };
  if (first === 'settings' && isSettingsSection(second) && parts.length === 2) return { name: 'settings', section: second };
  if (first === 'appointments' && second && third === 'slip' && parts.length === 3) return { name: 'slip', appointmentId: second };
  return { name: 'notFound' };
}

function withQuery(path: string, query: RouteQuery | undefined): string {
  const search = new URLSearchParams(Object.entries(query ?? {}).filter(([, v]) => v !== '')).toString();
  return search ? `${path}?${search}` : path;
}

/** The hash for a route, the inverse of parseHash. */
export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'console':
      return '#/console';
    case 'calendar':
      return withQuery('#/calendar', route.query);
    case 'consultations':
      return withQuery('#/consultations', route.query);
    case 'consultation':
      return `#/consultations/${encodeURIComponent(route.id)}`;
    case 'reports':
      return withQuery('#/reports', route.query);
    case 'audit':
      return withQuery('#/audit', route.query);
    case 'operations':
      return '#/operations';
    case 'check':
      return '#/check';
    case 'settings':
      return `#/settings/${route.section}`;
    case 'slip':
      return `#/appointments/${encodeURIComponent(route.appointmentId)}/slip`;
    case 'notFound':
      return '#/console';
  }
}
