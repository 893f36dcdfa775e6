/** OpenAPI part for the Open311 importer (the GeoReport v2 endpoints themselves follow that spec). */

const jsonBody = (schema: object) => ({ 'application/json': { schema } });
const errorReply = (description: string) => ({
  description,
  content: jsonBody({ $ref: '#/components/schemas/Error' }),
});

const COUNT = { type: 'integer', minimum: 0 };

export const OPEN311_OPENAPI_PATHS = {
  '/api/v1/imports/open311': {
    post: {
      summary:
        "Pulls another GeoReport v2 server's requests (JSON or XML) into intake and reports what it did",
      description:
        'Only hosts listed in OPEN311_IMPORT_HOSTS are fetched. Reads requests.json (or requests.xml) in date windows ' +
        'from `since` to `until`; sloppy records are repaired where the meaning is clear (timestamps without offset read ' +
        'in `assumeZone`, decimal commas, HTML entities) and skipped with a reason otherwise. Idempotent: a re-import ' +
        'stores nothing new.',
      requestBody: {
        required: true,
        content: jsonBody({
          type: 'object',
          required: ['baseUrl'],
          properties: {
            baseUrl: { type: 'string', format: 'uri', example: 'https://311.example.org/open311/v2' },
            since: { type: 'string', format: 'date-time', description: 'Default: 90 days before `until`' },
            until: { type: 'string', format: 'date-time', description: 'Default: now' },
            serviceMap: {
              type: 'object',
              additionalProperties: { type: 'string' },
              description: 'Their service_code → our category code; unmapped ones go to the classifier',
            },
            assumeZone: {
              type: 'string',
              default: 'Europe/Moscow',
              description: 'IANA zone for offset-less times',
            },
          },
        }),
      },
      responses: {
        200: {
          description: 'The import report (also when the remote server failed midway: see `error`)',
          content: jsonBody({
            type: 'object',
            properties: {
              baseUrl: { type: 'string' },
              endpoint: { type: ['string', 'null'] },
              format: { enum: ['json', 'xml', null] },
              since: { type: 'string', format: 'date-time' },
              until: { type: 'string', format: 'date-time' },
              requests: COUNT,
              fetched: COUNT,
              created: COUNT,
              duplicates: COUNT,
              skipped: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { id: { type: ['string', 'null'] }, reason: { type: 'string' } },
                },
              },
              warnings: { type: 'object', additionalProperties: COUNT },
              unmappedServiceCodes: { type: 'array', items: { type: 'string' } },
              error: { type: ['string', 'null'] },
            },
          }),
        },
        400: errorReply('A bad body, or serviceMap naming unknown categories'),
        403: errorReply('The host is not in OPEN311_IMPORT_HOSTS'),
      },
    },
  },
};
