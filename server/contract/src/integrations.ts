import { z } from './zod';
import { API_SCOPES, type ApiScope } from './api-scopes';
import type { AppointmentStatus } from './appointments';
import { PublicBookingRequest } from './booking';
import { Instant, PageQuery } from './pagination';
import { singleLine } from './text';

/**
 * The town's own booking or LINE platform (issue 19): API keys with scopes, appointments
 * created, moved and cancelled through the API, and signed webhooks on state changes.
 */

export const CreateApiKeyRequest = z
  .object({
    name: singleLine().min(1).max(60),
    scopes: z.array(z.enum(API_SCOPES)).min(1).max(API_SCOPES.length),
  })
  .strict();
export type CreateApiKeyRequest = z.input<typeof CreateApiKeyRequest>;

export interface ApiKeySummary {
  id: string;
  /** The visible part of the key (`mdk_<prefix>_…`), to tell keys apart in logs and the list. */
  prefix: string;
  name: string;
  scopes: ApiScope[];
  createdAt: string;
  createdByName: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The key itself is in this answer only; the server keeps its SHA-256. */
export interface ApiKeyIssued {
  apiKey: ApiKeySummary;
  secret: string;
}

/** Events a webhook endpoint may subscribe to. */
export const WEBHOOK_EVENTS = [
  'appointment.booked',
  'appointment.moved',
  'appointment.cancelled',
  'appointment.checked_in',
  'appointment.answered',
  'appointment.completed',
  'appointment.no_show',
  'consultation.answered',
  'consultation.completed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const CreateWebhookRequest = z
  .object({
    url: z
      .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
      .max(500),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length),
    description: singleLine().max(100).default(''),
  })
  .strict();
export type CreateWebhookRequest = z.input<typeof CreateWebhookRequest>;

/**
 * Why a webhook URL was refused at registration (the allow-list, WEBHOOK_ALLOWED_HOSTS and
 * WEBHOOK_ALLOW_HTTP, issue 19): the `reason` of the 400's `details` entry for `url`, so the admin
 * app can say in the admin's language what to do, while the English `message` stays for API
 * callers and logs.
 */
export const WEBHOOK_URL_REFUSAL_REASONS = [
  /** Not a URL the server can read. */
  'invalid_url',
  /** http:// (or another scheme) while the server allows https only. */
  'https_required',
  /** A user name or password in the URL. */
  'credentials_in_url',
  /** The host is not in WEBHOOK_ALLOWED_HOSTS. */
  'host_not_allowed',
  /** The server cannot resolve the host name. */
  'host_unresolvable',
  /** The host is, or resolves to, a loopback, private, link-local… address no entry covers. */
  'special_address',
] as const;
export type WebhookUrlRefusalReason = (typeof WEBHOOK_URL_REFUSAL_REASONS)[number];

/** Which kind of special address a `special_address` refusal found (the guard knows finer kinds; these are the ones an admin acts on). */
export const SPECIAL_ADDRESS_KINDS = ['loopback', 'private', 'link_local', 'other'] as const;
export type SpecialAddressKind = (typeof SPECIAL_ADDRESS_KINDS)[number];

/**
 * The entry of a 400's `details` refusing a webhook URL. `details` stays a list of
 * `{ path, message }` like every other 400 (the request check's issues); this entry adds the reason.
 */
export interface WebhookUrlRefusal {
  /** The field refused, as in the issues of other 400s. */
  path: 'url';
  /** The same English sentence as the error's `message`, for API callers and logs. */
  message: string;
  reason: WebhookUrlRefusalReason;
  /** The URL's host, once the URL could be read. */
  host?: string;
  /** `special_address`: the address refused and its kind. */
  address?: string;
  addressKind?: SpecialAddressKind;
}

/** The webhook URL refusal among a 400's details (a list of issues), else null. */
export function webhookUrlRefusalOf(details: unknown): WebhookUrlRefusal | null {
  if (!Array.isArray(details)) return null;
  const refusal = details.find(
    (issue: unknown) =>
      typeof issue === 'object' &&
      issue !== null &&
      (issue as { path?: unknown }).path === 'url' &&
      WEBHOOK_URL_REFUSAL_REASONS.includes((issue as { reason?: unknown }).reason as WebhookUrlRefusalReason),
  );
  return (refusal as WebhookUrlRefusal | undefined) ?? null;
}

/**
 * Where this server lets webhooks go (WEBHOOK_ALLOWED_HOSTS, WEBHOOK_ALLOW_HTTP), shown above
 * the admin's webhook form before anything is typed. Admins only: it maps the town's network.
 */
export interface WebhookDestinations {
  /** `*` is in the list: any host whose addresses are all public. */
  anyPublicHost: boolean;
  /** The list's other entries as written: host names, `*.domain` wildcards, addresses and networks. */
  entries: string[];
  /** http:// accepted too (a closed network without TLS); otherwise https only. */
  allowHttp: boolean;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEvent[];
  description: string;
  active: boolean;
  createdAt: string;
}

/** The signing secret is in this answer only. */
export interface WebhookIssued {
  endpoint: WebhookEndpoint;
  secret: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WebhookDeliveryQuery = z
  .object({ ...PageQuery, endpointId: z.uuid().optional(), status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional() })
  .strict();

/** One row of the delivery log (設定 → 連携). */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  url: string;
  event: WebhookEvent;
  eventId: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/**
 * The JSON body of every webhook POST. Ids and states only: no names or contacts of
 * residents (the receiver reads an appointment through the API with its key if it needs more).
 */
export interface WebhookPayload {
  id: string;
  type: WebhookEvent;
  occurredAt: string;
  data: {
    appointmentId: string | null;
    consultationId: string | null;
    status: string;
    departmentId: string | null;
    kioskId: string | null;
    startsAt: string | null;
    endsAt: string | null;
  };
}

/** Create an appointment from the town's platform: the booking page's fields without its proof of work. */
export const IntegrationBookingRequest = PublicBookingRequest.omit({ challenge: true, solution: true });
export type IntegrationBookingRequest = z.input<typeof IntegrationBookingRequest>;

export const IntegrationMoveRequest = z.object({ startsAt: Instant }).strict();
export type IntegrationMoveRequest = z.input<typeof IntegrationMoveRequest>;

/** `Idempotency-Key` header of a create: 1-100 printable characters, e.g. a UUID. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,100}$/;

export interface IntegrationAppointment {
  id: string;
  status: AppointmentStatus;
  departmentId: string;
  topicId: string | null;
  kioskId: string;
  startsAt: string;
  endsAt: string;
  /** Null once the appointment is closed. */
  checkInCode: string | null;
  source: 'staff' | 'public' | 'kiosk' | 'api';
  createdAt: string;
  updatedAt: string;
}

export interface IntegrationAppointmentCreated {
  appointment: IntegrationAppointment;
  /** The resident's private link token (for `/book/#/b/<token>`), in this answer only. */
  manageToken: string;
}
