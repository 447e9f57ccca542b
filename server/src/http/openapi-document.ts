import { z } from 'zod';
import { API_ROUTES, type RouteKey } from '@madoguchi/contract/api-routes';
import { API_SCHEMAS, type RouteSchemas } from '@madoguchi/contract/api-schemas';

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

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** OpenAPI 3.1 built from the route table and the same zod schemas that validate requests. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const key of Object.keys(API_ROUTES) as RouteKey[]) {
    const spec = API_ROUTES[key];
    const schemas: RouteSchemas = API_SCHEMAS[key];
    const openApiPath = spec.path.replace(/:([a-zA-Z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const match of spec.path.matchAll(/:([a-zA-Z]+)/g)) {
      parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });
    }
    if (schemas.query) {
      const query = jsonSchemaOf(schemas.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
      }
    }
    const operation: Record<string, unknown> = {
      operationId: key,
      summary: spec.summary,
      'x-access': spec.access,
      security: (spec.access as readonly string[]).includes('public') ? [] : [{ bearer: [] }],
      parameters,
      responses: {
        [String(schemas.status ?? 200)]: { description: schemas.response.name },
        '4XX': { description: 'Refused', content: { 'application/json': { schema: ERROR_SCHEMA } } },
      },
    };
    if (schemas.body) {
      operation['requestBody'] = { required: true, content: { 'application/json': { schema: jsonSchemaOf(schemas.body) } } };
    }
    paths[openApiPath] = { ...paths[openApiPath], [spec.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Madoguchi API', version: '0.2.0', description: 'Times are ISO 8601; calendar days are Japan days (Asia/Tokyo).' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
