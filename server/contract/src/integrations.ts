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

/**
 * Why the server refused a webhook URL (the `reason` of the 400's `details[0]`, beside its English
 * message), so the admin app can say in the admin's language what to change or whom to ask.
 */
export const WEBHOOK_URL_REFUSALS = ['invalid_url', 'http_not_allowed', 'not_https', 'credentials', 'host_not_listed', 'unresolvable', 'special_address'] as const;
export type WebhookUrlRefusal = (typeof WEBHOOK_URL_REFUSALS)[number];

/** One entry of a refused webhook URL's `details`; `host` is the host name or address concerned. */
export interface WebhookUrlRefusalDetail {
  path: 'url';
  message: string;
  reason: WebhookUrlRefusal;
  host?: string;
}

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
