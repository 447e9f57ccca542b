/**
 * Every REST route, who may call it, and its path: the one permission table. The server
 * registers handlers by these keys (and refuses to start if one is missing); the OpenAPI
 * document and the permission test walk this same table; the web apps build URLs from it.
 */
import type { ApiScope } from './api-scopes';

/** `integration`: an API key (never a login) holding the route's `scope`. */
export type Caller = 'public' | 'kiosk' | 'staff' | 'admin' | 'integration';
export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteSpec {
  method: HttpMethod;
  /** Express-style path; `:id` parameters are UUIDs. */
  path: string;
  access: readonly Caller[];
  summary: string;
  /** The scope an API key needs; required exactly when `access` lists 'integration'. */
  scope?: ApiScope;
}

const route = <const T extends RouteSpec>(spec: T): T => spec;

export const API_ROUTES = {
  login: route({ method: 'post', path: '/api/auth/login', access: ['public'], summary: 'Staff or admin login' }),
  refresh: route({ method: 'post', path: '/api/auth/refresh', access: ['public'], summary: 'Trade a refresh token for new tokens (rotates it)' }),
  logout: route({ method: 'post', path: '/api/auth/logout', access: ['staff', 'admin'], summary: 'End this login: its tokens and sockets stop at once' }),
  me: route({ method: 'get', path: '/api/auth/me', access: ['staff', 'admin'], summary: 'The logged-in member' }),
  changePassword: route({ method: 'post', path: '/api/auth/password', access: ['staff', 'admin'], summary: 'Change own password' }),

  kioskToken: route({ method: 'post', path: '/api/kiosk/token', access: ['public'], summary: 'Trade a device credential for a kiosk token' }),
  kioskPair: route({ method: 'post', path: '/api/kiosk/pair', access: ['public'], summary: 'Trade a one-time pairing code for a device credential' }),
  openKioskInstaller: route({ method: 'post', path: '/api/kiosk/installer', access: ['kiosk'], summary: "Spend an installer code: the kiosk's device set-up opens for 30 minutes" }),
  saveKioskDevices: route({ method: 'put', path: '/api/kiosk/devices', access: ['kiosk'], summary: 'The kiosk saves its face and document cameras (installer mode only)' }),
  kioskConfig: route({ method: 'get', path: '/api/kiosk/config', access: ['kiosk'], summary: "The kiosk's own settings and the departments it offers" }),
  kioskFreeTimes: route({ method: 'get', path: '/api/kiosks/:id/booking/free-times', access: ['kiosk'], summary: '「この窓口で予約する」: free times of a topic at this kiosk (its own id only), per Japan day' }),
  createKioskBooking: route({ method: 'post', path: '/api/kiosks/:id/bookings', access: ['kiosk'], summary: '「この窓口で予約する」: the resident books a later time at this kiosk (its own id only; rate-limited, audited; 409 with the next free times on a taken slot)' }),

  listDepartments: route({ method: 'get', path: '/api/departments', access: ['staff', 'admin'], summary: 'Departments' }),
  createDepartment: route({ method: 'post', path: '/api/departments', access: ['admin'], summary: 'Add a department' }),
  updateDepartment: route({ method: 'patch', path: '/api/departments/:id', access: ['admin'], summary: 'Edit or deactivate a department' }),

  getKioskDisplay: route({ method: 'get', path: '/api/settings/kiosk-display', access: ['admin'], summary: "What the kiosks' public screen shows: booked names (masked by default) and the town's other ways when nobody can answer" }),
  updateKioskDisplay: route({ method: 'put', path: '/api/settings/kiosk-display', access: ['admin'], summary: "Change what the kiosks' public screen shows" }),

  listStaff: route({ method: 'get', path: '/api/staff', access: ['admin'], summary: 'Staff accounts' }),
  createStaff: route({ method: 'post', path: '/api/staff', access: ['admin'], summary: 'Invite a member (returns a temporary password once)' }),
  updateStaff: route({ method: 'patch', path: '/api/staff/:id', access: ['admin'], summary: 'Edit, change role or deactivate a member' }),
  resetStaffPassword: route({ method: 'post', path: '/api/staff/:id/reset-password', access: ['admin'], summary: 'Issue a new temporary password' }),

  listKiosks: route({ method: 'get', path: '/api/kiosks', access: ['staff', 'admin'], summary: 'Kiosks with their live status' }),
  createKiosk: route({ method: 'post', path: '/api/kiosks', access: ['admin'], summary: 'Register a kiosk (returns a pairing code)' }),
  updateKiosk: route({ method: 'patch', path: '/api/kiosks/:id', access: ['admin'], summary: 'Edit a kiosk and its camera roles' }),
  issuePairingCode: route({ method: 'post', path: '/api/kiosks/:id/pairing-code', access: ['admin'], summary: 'New one-time pairing code' }),
  issueInstallerCode: route({ method: 'post', path: '/api/kiosks/:id/installer-code', access: ['admin'], summary: "New one-time code for the kiosk's installer mode" }),
  revokeKiosk: route({ method: 'post', path: '/api/kiosks/:id/revoke', access: ['admin'], summary: "Revoke a kiosk's credential and disconnect it" }),

  listAppointments: route({ method: 'get', path: '/api/appointments', access: ['staff', 'admin'], summary: 'Appointments in a range' }),
  createAppointment: route({ method: 'post', path: '/api/appointments', access: ['admin'], summary: 'Book a resident (409 on a taken slot)' }),
  checkConflicts: route({ method: 'post', path: '/api/appointments/conflicts', access: ['admin'], summary: 'Which appointments a slot would collide with' }),
  getAppointmentRules: route({ method: 'get', path: '/api/settings/appointment-rules', access: ['admin'], summary: "How long ago a staff-booked slot may have started (NO_SHOW_GRACE_MINUTES), for the appointment dialog's check" }),
  getAppointment: route({ method: 'get', path: '/api/appointments/:id', access: ['staff', 'admin'], summary: 'One appointment with its history' }),
  updateAppointment: route({ method: 'patch', path: '/api/appointments/:id', access: ['admin'], summary: 'Edit or reschedule' }),
  cancelAppointment: route({ method: 'post', path: '/api/appointments/:id/cancel', access: ['admin'], summary: 'Cancel' }),
  appointmentIcs: route({ method: 'get', path: '/api/appointments/:id/ics', access: ['staff', 'admin'], summary: 'iCalendar file' }),

  listConsultations: route({ method: 'get', path: '/api/consultations', access: ['staff', 'admin'], summary: 'Consultation records' }),
  getConsultation: route({ method: 'get', path: '/api/consultations/:id', access: ['staff', 'admin'], summary: 'One record with its events' }),
  getConsultationTranscript: route({ method: 'get', path: '/api/consultations/:id/transcript', access: ['staff', 'admin'], summary: "A record's kept caption text, with the resident's consent (audited)" }),
  getCallContext: route({ method: 'get', path: '/api/consultations/:id/context', access: ['staff', 'admin'], summary: "The resident's booking (name, language, needs, topic, notes) and earlier appointments, for the member in the call (audited)" }),
  recordOutcome: route({ method: 'put', path: '/api/consultations/:id/outcome', access: ['staff', 'admin'], summary: 'Outcome code and notes' }),

  createGuestLink: route({ method: 'post', path: '/api/consultations/:id/guest-links', access: ['staff', 'admin'], summary: 'A single-use link that brings a third party (interpreter, another department) into this call' }),
  uploadSnapshot: route({ method: 'post', path: '/api/consultations/:id/snapshots', access: ['kiosk'], summary: 'The kiosk uploads a consented snapshot (image body; X-Snapshot-Request and X-Content-SHA256 headers)' }),
  listSnapshots: route({ method: 'get', path: '/api/consultations/:id/snapshots', access: ['staff', 'admin'], summary: "A consultation's snapshots (metadata)" }),
  getSnapshot: route({ method: 'get', path: '/api/snapshots/:id', access: ['staff', 'admin'], summary: 'One snapshot image (audited)' }),
  listFormTemplates: route({ method: 'get', path: '/api/form-templates', access: ['staff', 'admin'], summary: 'Form templates, latest version of each (admins may ask for archived ones too)' }),
  createFormTemplate: route({ method: 'post', path: '/api/form-templates', access: ['admin'], summary: 'A new form template (version 1)' }),
  saveFormTemplateVersion: route({ method: 'post', path: '/api/form-templates/:id/versions', access: ['admin'], summary: 'Save a new version of a template (documents keep the version they were made from)' }),
  listFormTemplateVersions: route({ method: 'get', path: '/api/form-templates/:id/versions', access: ['admin'], summary: 'Every version of a template' }),
  archiveFormTemplate: route({ method: 'put', path: '/api/form-templates/:id/archived', access: ['admin'], summary: 'Take a template out of (or back into) the staff choice' }),
  getFormSettings: route({ method: 'get', path: '/api/settings/forms', access: ['admin'], summary: 'Whether kiosks print a copy of a signed form' }),
  updateFormSettings: route({ method: 'put', path: '/api/settings/forms', access: ['admin'], summary: 'Change whether kiosks print a copy of a signed form' }),
  listConsultationForms: route({ method: 'get', path: '/api/consultations/:id/forms', access: ['staff', 'admin'], summary: "A consultation's forms and their state (署名済み…)" }),
  getFormPdf: route({ method: 'get', path: '/api/forms/:id/pdf', access: ['staff', 'admin'], summary: 'The signed PDF of a form (audited)' }),
  recordFormCopyPrinted: route({ method: 'post', path: '/api/forms/:id/copy-printed', access: ['kiosk'], summary: 'The kiosk printed the resident a copy of the form it just signed (audited)' }),
  report: route({ method: 'get', path: '/api/reports/summary', access: ['admin'], summary: 'Figures per period and group' }),
  reportCsv: route({ method: 'get', path: '/api/reports/export.csv', access: ['admin'], summary: 'The same figures as CSV (UTF-8 with BOM)' }),
  listQuickPhrases: route({ method: 'get', path: '/api/quick-phrases', access: ['staff', 'admin'], summary: 'Quick phrases with their translations for the kiosk languages' }),
  createQuickPhrase: route({ method: 'post', path: '/api/quick-phrases', access: ['admin'], summary: 'Add a quick phrase (Japanese, and translations)' }),
  deleteQuickPhrase: route({ method: 'delete', path: '/api/quick-phrases/:id', access: ['admin'], summary: 'Remove a quick phrase' }),
  operationsOverview: route({ method: 'get', path: '/api/operations/overview', access: ['admin'], summary: 'Kiosks online, live consultations, worker load' }),
  listAudit: route({ method: 'get', path: '/api/audit', access: ['admin'], summary: 'Audit log' }),

  getBookingRules: route({ method: 'get', path: '/api/settings/booking-rules', access: ['admin'], summary: '設定 → 予約枠: remote-counter hours and capacity, topics with slot lengths, kiosk hours, blocked days, horizon, lead time and cut-off' }),
  updateBookingRules: route({ method: 'put', path: '/api/settings/booking-rules', access: ['admin'], summary: 'Replace the booking rules (topics left out are retired)' }),
  reissueBookingLink: route({ method: 'post', path: '/api/appointments/:id/booking-link', access: ['admin'], summary: "Revoke a booking's private link and issue a new one (returned once)" }),

  publicBookingOptions: route({ method: 'get', path: '/api/public/booking/options', access: ['public'], summary: 'Booking page: bookable departments, topics and kiosks' }),
  publicFreeTimes: route({ method: 'get', path: '/api/public/booking/free-times', access: ['public'], summary: 'Booking page: free times of a topic at a kiosk, per Japan day' }),
  publicBookingChallenge: route({ method: 'get', path: '/api/public/booking/challenge', access: ['public'], summary: 'Booking page: a proof-of-work challenge to solve before booking' }),
  createPublicBooking: route({ method: 'post', path: '/api/public/bookings', access: ['public'], summary: 'A resident books (rate-limited; 409 with the next free times on a taken slot)' }),
  getPublicBooking: route({ method: 'get', path: '/api/public/bookings/:token', access: ['public'], summary: "The resident's own booking through its private link" }),
  movePublicBooking: route({ method: 'post', path: '/api/public/bookings/:token/move', access: ['public'], summary: 'The resident moves the booking to another free time (until the cut-off)' }),
  cancelPublicBooking: route({ method: 'post', path: '/api/public/bookings/:token/cancel', access: ['public'], summary: 'The resident cancels the booking (until the cut-off)' }),
  publicBookingIcs: route({ method: 'get', path: '/api/public/bookings/:token/ics', access: ['public'], summary: 'iCalendar file of the booking' }),

  listApiKeys: route({ method: 'get', path: '/api/settings/api-keys', access: ['admin'], summary: '設定 → 連携: API keys of the town\'s other systems (never the keys themselves)' }),
  createApiKey: route({ method: 'post', path: '/api/settings/api-keys', access: ['admin'], summary: 'A new API key with scopes (the key is returned once; only its SHA-256 is kept)' }),
  revokeApiKey: route({ method: 'post', path: '/api/settings/api-keys/:id/revoke', access: ['admin'], summary: 'Revoke an API key: refused at once on every node' }),
  getWebhookDestinations: route({ method: 'get', path: '/api/settings/webhook-destinations', access: ['admin'], summary: "設定 → 連携: where this server lets webhooks go (WEBHOOK_ALLOWED_HOSTS, WEBHOOK_ALLOW_HTTP), for the webhook form's hint" }),
  listWebhooks: route({ method: 'get', path: '/api/webhooks', access: ['admin', 'integration'], scope: 'webhooks:manage', summary: 'Webhook endpoints' }),
  createWebhook: route({ method: 'post', path: '/api/webhooks', access: ['admin', 'integration'], scope: 'webhooks:manage', summary: 'Register a webhook endpoint (the signing secret is returned once)' }),
  disableWebhook: route({ method: 'post', path: '/api/webhooks/:id/disable', access: ['admin', 'integration'], scope: 'webhooks:manage', summary: 'Stop sending to an endpoint (its pending deliveries are dropped)' }),
  listWebhookDeliveries: route({ method: 'get', path: '/api/webhooks/deliveries', access: ['admin', 'integration'], scope: 'webhooks:manage', summary: 'Delivery log: status, attempts, last error, response code' }),

  integrationCreateAppointment: route({ method: 'post', path: '/api/integration/appointments', access: ['integration'], scope: 'appointments:write', summary: 'Book a resident from the town\'s platform (Idempotency-Key honoured; 409 with the next free times on a taken slot)' }),
  integrationGetAppointment: route({ method: 'get', path: '/api/integration/appointments/:id', access: ['integration'], scope: 'appointments:read', summary: 'One appointment (state, times, check-in code)' }),
  integrationMoveAppointment: route({ method: 'post', path: '/api/integration/appointments/:id/move', access: ['integration'], scope: 'appointments:write', summary: 'Move an appointment to another free time' }),
  integrationCancelAppointment: route({ method: 'post', path: '/api/integration/appointments/:id/cancel', access: ['integration'], scope: 'appointments:write', summary: 'Cancel an appointment' }),
  integrationFreeTimes: route({ method: 'get', path: '/api/integration/free-times', access: ['integration'], scope: 'appointments:read', summary: 'Free times of a topic at a kiosk, per Japan day (as the booking page sees them)' }),

  openapi: route({ method: 'get', path: '/api/openapi.json', access: ['public'], summary: 'This API as OpenAPI 3.1' }),
} as const;

export type RouteKey = keyof typeof API_ROUTES;

/** Fills `:id` style parameters: apiPath('getConsultation', { id }). */
export function apiPath(key: RouteKey, params: Record<string, string> = {}): string {
  return API_ROUTES[key].path.replace(/:([a-zA-Z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
