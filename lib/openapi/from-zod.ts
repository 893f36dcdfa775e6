import { z } from 'zod';

/**
 * The JSON Schema of what a zod schema accepts, as OpenAPI 3.1 (JSON Schema 2020-12) embeds it. `io: 'input'`
 * describes the request before transforms and defaults, i.e. what a client sends. The document takes request
 * bodies and query parameters only from here, so they cannot drift from the validation (tests/unit/openapi-
 * request-shapes.test.ts holds each route to its schema).
 */
export function requestSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  return rest;
}

/** A required JSON request body validated by `schema`. */
export const requestBody = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: requestSchema(schema) } },
});

interface ObjectSchema {
  properties?: Record<string, { description?: string } & Record<string, unknown>>;
  required?: string[];
}

/**
 * The query parameters an object schema validates, one per property; a property's description becomes the
 * parameter's, where tools show it.
 */
export function queryParameters(schema: z.ZodType) {
  const { properties = {}, required = [] } = requestSchema(schema) as ObjectSchema;
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema: property,
    ...(description ? { description } : {}),
  }));
}
