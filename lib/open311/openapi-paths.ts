import { requestBody } from '../openapi/from-zod';
import { dateTime, errorReply, int as COUNT, jsonBody, nullable } from '../openapi/parts';
import { OPEN311_IMPORT_BODY_SCHEMA } from './import-body';

/** OpenAPI part for the Open311 importer (the GeoReport v2 endpoints themselves follow that spec). */

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
      requestBody: requestBody(OPEN311_IMPORT_BODY_SCHEMA),
      responses: {
        200: {
          description: 'The import report (also when the remote server failed midway: see `error`)',
          content: jsonBody({
            type: 'object',
            properties: {
              baseUrl: { type: 'string' },
              endpoint: nullable('string'),
              format: { enum: ['json', 'xml', null] },
              since: dateTime,
              until: dateTime,
              requests: COUNT,
              fetched: COUNT,
              created: COUNT,
              duplicates: COUNT,
              skipped: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { id: nullable('string'), reason: { type: 'string' } },
                },
              },
              warnings: { type: 'object', additionalProperties: COUNT },
              unmappedServiceCodes: { type: 'array', items: { type: 'string' } },
              error: nullable('string'),
            },
          }),
        },
        400: errorReply('A bad body, or serviceMap naming unknown categories'),
        403: errorReply('The host is not in OPEN311_IMPORT_HOSTS'),
      },
    },
  },
};
