import { COMPLAINT_STATUSES } from '../domain/statuses';
import {
  WEBHOOK_OPENAPI_PATHS,
  WEBHOOK_OPENAPI_SCHEMAS,
  WEBHOOK_OPENAPI_WEBHOOKS,
} from '../webhooks/openapi-paths';
import { BRIEFING_OPENAPI_PATHS, BRIEFING_OPENAPI_SCHEMAS } from '../briefing/openapi-paths';
import { DRILL_OPENAPI_PATHS, DRILL_OPENAPI_SCHEMAS } from '../drill/openapi-paths';
import { FEDERAL_OPENAPI_PATHS, FEDERAL_OPENAPI_SCHEMAS } from '../federal/openapi-paths';
import { PLAYBACK_OPENAPI_PATHS, PLAYBACK_OPENAPI_SCHEMAS } from '../playback/openapi-paths';
import { OPEN311_OPENAPI_PATHS } from '../open311/openapi-paths';
import { LIFECYCLE_OPENAPI_PATHS, TRANSITION_PROOF_PROPERTIES } from './openapi-lifecycle-paths';
import {
  MAX_BATCH_ITEMS,
  MAX_BODY_BYTES,
  MAX_TEXT_CHARS,
  MAX_ADDRESS_CHARS,
  MAX_EXTERNAL_ID_CHARS,
} from '../domain/limits';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorReply = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});
const jsonBody = (schema: object) => ({ 'application/json': { schema } });

/** The public HTTP contract as OpenAPI 3.1, served at /api/v1/openapi.json. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'ЦУР situational wall API',
    version: '1.0.0',
    description:
      'Intake of resident complaints from every channel, their lifecycle, and the live numbers of the wall. ' +
      'Codes of blocks, categories and sources come from GET /api/v1/reference; municipalities are OKTMO codes.',
  },
  paths: {
    '/api/v1/reference': {
      get: {
        summary: 'Blocks, categories, sources and municipalities with their stable codes',
        responses: { 200: { description: 'Reference lists', content: jsonBody(ref('Reference')) } },
      },
    },
    '/api/v1/complaints': {
      post: {
        summary: 'Record complaints (one object, or a batch); idempotent on (source, externalId)',
        description:
          `A batch holds 1 to ${MAX_BATCH_ITEMS} items; the body is at most ${MAX_BODY_BYTES} bytes. The answer is sent ` +
          'after the commit. The municipality is found from lat/lon; the due time from the category deadline ' +
          '(192 h without a category). Good items of a batch are stored even when others are rejected.',
        requestBody: {
          required: true,
          content: jsonBody({
            oneOf: [
              ref('ComplaintInput'),
              {
                type: 'object',
                required: ['complaints'],
                properties: {
                  complaints: {
                    type: 'array',
                    minItems: 1,
                    maxItems: MAX_BATCH_ITEMS,
                    items: ref('ComplaintInput'),
                  },
                },
              },
            ],
          }),
        },
        responses: {
          200: { description: 'Every item created or duplicate', content: jsonBody(ref('IngestResults')) },
          207: {
            description: 'Some items rejected (see each result)',
            content: jsonBody(ref('IngestResults')),
          },
          422: { description: 'Every item rejected', content: jsonBody(ref('IngestResults')) },
          400: errorReply(
            'Malformed JSON or body shape; an unknown `region` or a point outside it (each item named)',
          ),
          413: errorReply(`Body over ${MAX_BODY_BYTES} bytes or more than ${MAX_BATCH_ITEMS} items`),
          415: errorReply('Content type is not JSON'),
        },
      },
    },
    '/api/v1/complaints/{id}/events': {
      get: {
        summary: "The complaint's append-only history: intake, routing, each status change with who and when",
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: {
          200: { description: 'The complaint and its events', content: jsonBody({ type: 'object' }) },
          404: errorReply('No such complaint'),
        },
      },
      post: {
        summary: 'Record a lifecycle change',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        requestBody: { required: true, content: jsonBody(ref('TransitionInput')) },
        responses: {
          201: { description: 'Applied', content: jsonBody(ref('TransitionApplied')) },
          400: errorReply('Invalid body or id'),
          404: errorReply('No such complaint'),
          409: errorReply('The transition is not allowed from the current status'),
        },
      },
    },
    '/api/v1/summary': {
      get: {
        summary: 'The live numbers of the wall',
        parameters: [
          { name: 'block', in: 'query', required: false, schema: { type: 'string' } },
          {
            name: 'municipality',
            in: 'query',
            required: false,
            schema: { type: 'string', pattern: '^\\d{11}$' },
          },
        ],
        responses: {
          200: { description: 'Numbers now', content: jsonBody(ref('Summary')) },
          400: errorReply('Unknown block or municipality'),
        },
      },
    },
    '/api/v1/blocks/{block}/panel': {
      get: {
        summary: "A sector block panel's payload (recounted at most every few seconds)",
        parameters: [{ name: 'block', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: {
            description:
              'territories (per 10,000 residents, 14-day sparklines), overdue SLAs, week over week, top categories, tension points, heat cells',
          },
          404: errorReply('Unknown block'),
        },
      },
    },
    '/healthz': {
      get: {
        summary: 'Liveness and database check',
        responses: { 200: { description: 'OK' }, 503: { description: 'Database down' } },
      },
    },
    ...LIFECYCLE_OPENAPI_PATHS,
    ...WEBHOOK_OPENAPI_PATHS,
    ...BRIEFING_OPENAPI_PATHS,
    ...DRILL_OPENAPI_PATHS,
    ...PLAYBACK_OPENAPI_PATHS,
    ...FEDERAL_OPENAPI_PATHS,
    ...OPEN311_OPENAPI_PATHS,
  },
  webhooks: WEBHOOK_OPENAPI_WEBHOOKS,
  components: {
    schemas: {
      ...WEBHOOK_OPENAPI_SCHEMAS,
      ...BRIEFING_OPENAPI_SCHEMAS,
      ...DRILL_OPENAPI_SCHEMAS,
      ...PLAYBACK_OPENAPI_SCHEMAS,
      ...FEDERAL_OPENAPI_SCHEMAS,
      ComplaintInput: {
        type: 'object',
        required: ['source', 'externalId', 'receivedAt', 'text'],
        properties: {
          source: { type: 'string', description: 'Source code', examples: ['dobrodel'] },
          externalId: { type: 'string', maxLength: MAX_EXTERNAL_ID_CHARS },
          receivedAt: {
            type: 'string',
            format: 'date-time',
            description: 'With an offset; at most 5 minutes ahead of the server clock',
          },
          text: { type: 'string', minLength: 1, maxLength: MAX_TEXT_CHARS },
          lat: {
            type: 'number',
            description:
              'WGS84; with lon, must fall inside Moscow Oblast, or inside `region` (within 15 km of its outline) for another region',
          },
          lon: { type: 'number' },
          address: { type: 'string', maxLength: MAX_ADDRESS_CHARS },
          category: { type: 'string', description: 'Category code' },
          block: { type: 'string', description: 'Block code; must match the category when both are given' },
          region: {
            type: 'string',
            pattern: '^[A-Z]{2}-[A-Z0-9]{2,3}$',
            default: 'RU-MOS',
            description:
              "ISO 3166-2 code of the sending center's region (GET /api/v1/regions; Crimea UA-43, Sevastopol UA-40). Another region's complaint is counted for the federal view only; an unknown code or a point outside the region refuses the whole request with 400",
          },
        },
      },
      FieldError: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
      IngestResults: {
        type: 'object',
        properties: {
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['externalId', 'status'],
              properties: {
                externalId: { type: ['string', 'null'] },
                status: { enum: ['created', 'duplicate', 'rejected'] },
                id: { type: 'integer' },
                complaintStatus: { enum: ['new', 'routed'], description: 'new: waits in the operator queue' },
                executor: { type: 'string', description: 'The executor the routing rules chose' },
                errors: { type: 'array', items: ref('FieldError') },
              },
            },
          },
        },
      },
      TransitionInput: {
        type: 'object',
        required: ['status'],
        properties: {
          status: { enum: [...COMPLAINT_STATUSES] },
          at: {
            type: 'string',
            format: 'date-time',
            description: 'Defaults to now; not before the last event',
          },
          actor: { type: 'string' },
          comment: { type: 'string' },
          ...TRANSITION_PROOF_PROPERTIES,
        },
      },
      TransitionApplied: {
        type: 'object',
        properties: {
          complaintId: { type: 'integer' },
          status: { const: 'applied' },
          from: { type: 'string' },
          to: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
        },
      },
      Summary: {
        type: 'object',
        properties: {
          block: { type: ['string', 'null'] },
          municipality: { type: ['string', 'null'] },
          today: { type: 'integer', description: 'Received since midnight Europe/Moscow' },
          lastHour: { type: 'integer' },
          open: { type: 'integer', description: `Status in new, routed, in_progress, reopened` },
          overdue: { type: 'integer', description: 'Open and past the due time' },
          asOf: { type: 'string', format: 'date-time' },
        },
      },
      Reference: {
        type: 'object',
        properties: {
          blocks: { type: 'array' },
          categories: { type: 'array' },
          sources: { type: 'array' },
          municipalities: { type: 'array' },
        },
      },
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            required: ['status', 'code', 'message'],
            properties: {
              status: { type: 'integer' },
              code: { type: 'string' },
              message: { type: 'string' },
              errors: { type: 'array', items: ref('FieldError') },
            },
          },
        },
      },
    },
  },
} as const;
