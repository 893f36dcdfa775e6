import { queryParameters, requestBody } from '../openapi/from-zod';
import { dateTime, errorReply, int as COUNT, jsonBody, nullable } from '../openapi/parts';
import {
  OPEN311_IMPORT_BODY_SCHEMA,
  OPEN311_SERVICES_CONFIRM_SCHEMA,
  OPEN311_SERVICES_QUERY_SCHEMA,
  OPEN311_SERVICES_READ_SCHEMA,
} from './import-body';

const SERVICES_REPLY = {
  description: "The server's services with the proposed and the confirmed category of each",
  content: jsonBody({
    type: 'object',
    properties: {
      host: { type: 'string' },
      services: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            sourceHost: { type: 'string' },
            serviceCode: { type: 'string' },
            serviceName: { type: 'string' },
            description: nullable('string'),
            proposedCategory: nullable('string'),
            proposedConfidence: nullable('number'),
            state: { enum: ['proposed', 'confirmed', 'ignored'] },
            categoryCode: nullable('string'),
            confirmedBy: nullable('string'),
            confirmedAt: nullable('string', { format: 'date-time' }),
            readAt: dateTime,
          },
        },
      },
    },
  }),
};

/** OpenAPI part for the Open311 importer (the GeoReport v2 endpoints themselves follow that spec). */

export const OPEN311_OPENAPI_PATHS = {
  '/api/v1/imports/open311': {
    post: {
      summary:
        "Pulls another GeoReport v2 server's requests (JSON or XML) into intake and reports what it did",
      description:
        'Only hosts listed in OPEN311_IMPORT_HOSTS are fetched. Reads requests.json (or requests.xml) in date windows ' +
        'from `since` to `until`; sloppy records are repaired where the meaning is clear (decimal commas, HTML entities, ' +
        '0,0 points) and skipped with a reason otherwise. A time without an offset refuses the feed unless `timeZone` ' +
        "is given. The feed's status, updated_datetime, expected_datetime (our due time) and notes go into the " +
        'lifecycle: a closed request is stored closed with its history, at any age. A request whose point lies abroad ' +
        '(or without a point in a feed whose points do) is refused with reason `outside_region`; one in another ' +
        "Russian region is held for that region's federal view. Categories come from `serviceMap`, then the mapping an " +
        'admin confirmed (/api/v1/imports/open311/services), then the classifier. Idempotent on service_request_id: ' +
        "a re-import stores nothing new and moves each complaint to the feed's current state.",
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
              unknownStatuses: { type: 'array', items: { type: 'string' } },
              feedStates: { type: 'object', additionalProperties: COUNT },
              lifecycle: { type: 'object', additionalProperties: COUNT },
              outsideRegion: COUNT,
              heldForRegions: { type: 'object', additionalProperties: COUNT },
              serviceMapping: { type: 'object', additionalProperties: COUNT },
              error: nullable('string'),
            },
          }),
        },
        400: errorReply('A bad body, or serviceMap naming unknown categories'),
        403: errorReply('The host is not in OPEN311_IMPORT_HOSTS'),
      },
    },
  },
  '/api/v1/imports/open311/services': {
    get: {
      summary: 'The services read from other GeoReport v2 servers, with proposed and confirmed categories',
      parameters: queryParameters(OPEN311_SERVICES_QUERY_SCHEMA),
      responses: { 200: SERVICES_REPLY, 400: errorReply('A bad host') },
    },
    post: {
      summary: "Reads a server's services list and proposes a category of ours for each service",
      description:
        'Only hosts listed in OPEN311_IMPORT_HOSTS are fetched. The classifier proposes from the name and description; ' +
        "a service read again keeps the admin's decision.",
      requestBody: requestBody(OPEN311_SERVICES_READ_SCHEMA),
      responses: {
        200: SERVICES_REPLY,
        400: errorReply('A bad body'),
        403: errorReply('The host is not in OPEN311_IMPORT_HOSTS'),
        502: errorReply('The server failed or its list is unreadable'),
      },
    },
    put: {
      summary: "An admin confirms (or sets aside, with null) the categories of a server's services",
      description: 'All or none; imports from that server then take the confirmed category for each service.',
      requestBody: requestBody(OPEN311_SERVICES_CONFIRM_SCHEMA),
      responses: { 200: SERVICES_REPLY, 400: errorReply('An unknown service or category, by field') },
    },
  },
};
