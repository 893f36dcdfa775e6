/**
 * Pieces every part of the OpenAPI document repeats (lib/http/openapi.ts merges the parts). They live below
 * lib/http so each feature's openapi-paths.ts can use them without reaching up into the HTTP edge.
 */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const jsonBody = (schema: object) => ({ 'application/json': { schema } });
export const errorReply = (description: string) => ({ description, content: jsonBody(ref('Error')) });
export const nullable = (type: string, extra: object = {}) => ({ type: [type, 'null'], ...extra });
export const dateTime = { type: 'string', format: 'date-time' };
export const int = { type: 'integer', minimum: 0 };
/** An object whose properties are all required unless the list says otherwise. */
export const obj = (properties: Record<string, object>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
});
/** A path segment; path segments are parsed by hand (lib/http/id-param.ts and the routes), not by zod. */
export const pathParam = (name: string, schema: object, description?: string) => ({
  name,
  in: 'path',
  required: true,
  schema,
  ...(description ? { description } : {}),
});
export const idParam = pathParam('id', { type: 'integer', minimum: 1 });
export const OKTMO = { type: 'string', pattern: '^\\d{11}$' };
