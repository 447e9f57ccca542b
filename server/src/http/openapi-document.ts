import { z } from 'zod';
import { API_ROUTES, type RouteKey, type RouteSpec } from '@madoguchi/contract/api-routes';
import { API_SCHEMAS, type RouteSchemas } from '@madoguchi/contract/api-schemas';
import { WEBHOOK_EVENTS } from '@madoguchi/contract/integrations';
import { legacyPathOf } from './legacy-paths';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

const NULLABLE_STRING = { type: ['string', 'null'] };

/** The JSON body of every webhook POST (WebhookPayload in the contract). */
const WEBHOOK_PAYLOAD_SCHEMA = {
  type: 'object',
  required: ['id', 'type', 'occurredAt', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid', description: 'The event id (also in the Madoguchi-Webhook-Id header): the same on every retry, so a receiver can drop duplicates' },
    type: { type: 'string', enum: [...WEBHOOK_EVENTS] },
    occurredAt: { type: 'string', format: 'date-time' },
    data: {
      type: 'object',
      required: ['appointmentId', 'consultationId', 'status', 'departmentId', 'kioskId', 'startsAt', 'endsAt'],
      properties: {
        appointmentId: { type: ['string', 'null'], format: 'uuid' },
        consultationId: { type: ['string', 'null'], format: 'uuid' },
        status: { type: 'string', description: "The appointment's status after the change, or the consultation's (answered, or its end reason)" },
        departmentId: { type: ['string', 'null'], format: 'uuid' },
        kioskId: { type: ['string', 'null'], format: 'uuid' },
        startsAt: NULLABLE_STRING,
        endsAt: NULLABLE_STRING,
      },
    },
  },
};

const WEBHOOK_HEADER_PARAMETERS = [
  { name: 'Madoguchi-Webhook-Id', in: 'header', required: true, schema: { type: 'string', format: 'uuid' } },
  { name: 'Madoguchi-Webhook-Event', in: 'header', required: true, schema: { type: 'string', enum: [...WEBHOOK_EVENTS] } },
  { name: 'Madoguchi-Webhook-Timestamp', in: 'header', required: true, schema: { type: 'string', description: 'Unix time in seconds' } },
  {
    name: 'Madoguchi-Webhook-Signature',
    in: 'header',
    required: true,
    schema: { type: 'string', description: '`v1=` + hex HMAC-SHA256(secret, `${timestamp}.${raw body}`); see docs/integrations.md' },
  },
];

/** Who may call a route, as OpenAPI security requirements: public, a login (bearer JWT), an API key with a scope. */
function securityOf(spec: RouteSpec): unknown[] {
  const access = spec.access as readonly string[];
  if (access.includes('public')) return [];
  const security: unknown[] = [];
  if (access.some((a) => a !== 'integration')) security.push({ bearer: [] });
  if (access.includes('integration') && spec.scope) security.push({ apiKey: [spec.scope] });
  return security;
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** OpenAPI 3.1 built from the route table and the same zod schemas that validate requests. */
/** An API key over API_KEY_REQUESTS_PER_MINUTE: the platform should wait as long as Retry-After says. */
const RATE_LIMITED_RESPONSE = {
  description: 'RATE_LIMITED: this API key made more requests this minute than the server allows (API_KEY_REQUESTS_PER_MINUTE)',
  headers: { 'Retry-After': { description: 'Seconds until the key may call again', schema: { type: 'integer', minimum: 1 } } },
  content: { 'application/json': { schema: ERROR_SCHEMA } },
};

export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const key of Object.keys(API_ROUTES) as RouteKey[]) {
    const spec: RouteSpec = API_ROUTES[key];
    const schemas: RouteSchemas = API_SCHEMAS[key];
    const openApiPath = spec.path.replace(/:([a-zA-Z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const match of spec.path.matchAll(/:([a-zA-Z]+)/g)) {
      // `:token` is a private link's secret (base64url); every other parameter is a UUID.
      const schema = match[1] === 'token' ? { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' } : { type: 'string', format: 'uuid' };
      parameters.push({ name: match[1], in: 'path', required: true, schema });
    }
    if (schemas.query) {
      const query = jsonSchemaOf(schemas.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
      }
    }
    if (key === 'integrationCreateAppointment') {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Same key and body within 24 h: the first answer again (header Idempotent-Replayed: true), and no second appointment; same key with another body: 422 IDEMPOTENCY_KEY_REUSED',
        schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,100}$' },
      });
    }
    const operation: Record<string, unknown> = {
      operationId: key,
      summary: spec.summary,
      'x-access': spec.access,
      security: securityOf(spec),
      parameters,
      responses: {
        [String(schemas.status ?? 200)]: { description: schemas.response.name },
        '4XX': { description: 'Refused', content: { 'application/json': { schema: ERROR_SCHEMA } } },
        ...(spec.access.includes('integration') ? { '429': RATE_LIMITED_RESPONSE } : {}),
      },
    };
    if (schemas.body) {
      operation['requestBody'] = { required: true, content: { 'application/json': { schema: jsonSchemaOf(schemas.body) } } };
    }
    paths[openApiPath] = { ...paths[openApiPath], [spec.method]: operation };
    const legacyPath = legacyPathOf(openApiPath);
    if (legacyPath !== null) {
      const alias = { ...operation, operationId: `${key}Legacy`, deprecated: true, summary: `Deprecated: the old path of ${spec.method.toUpperCase()} ${openApiPath}, same handler. ${spec.summary}` };
      paths[legacyPath] = { ...paths[legacyPath], [spec.method]: alias };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Madoguchi API', version: '0.2.0', description: 'Times are ISO 8601; calendar days are Japan days (Asia/Tokyo).' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'mdk_<prefix>_<secret>',
          description: "An API key issued in 設定 → 連携, sent as `Authorization: Bearer mdk_…`. Scopes: appointments:read, appointments:write, webhooks:manage; a key reaches only the routes that name its scope.",
        },
      },
      schemas: { WebhookPayload: WEBHOOK_PAYLOAD_SCHEMA },
    },
    paths,
    webhooks: Object.fromEntries(
      WEBHOOK_EVENTS.map((event) => [
        event,
        {
          post: {
            summary: `Sent on ${event}`,
            parameters: WEBHOOK_HEADER_PARAMETERS,
            requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookPayload' } } } },
            responses: { '2XX': { description: 'Received; anything else (or no answer in 10 s) is retried with growing delays' } },
          },
        },
      ]),
    ),
  };
}
