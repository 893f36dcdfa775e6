import {
  WEBHOOK_OPENAPI_PATHS,
  WEBHOOK_OPENAPI_SCHEMAS,
  WEBHOOK_OPENAPI_WEBHOOKS,
} from '../webhooks/openapi-paths';
import { BRIEFING_OPENAPI_PATHS, BRIEFING_OPENAPI_SCHEMAS } from '../briefing/openapi-paths';
import { DRILL_OPENAPI_PATHS, DRILL_OPENAPI_SCHEMAS } from '../drill/openapi-paths';
import { FEDERAL_OPENAPI_PATHS, FEDERAL_OPENAPI_SCHEMAS } from '../federal/openapi-paths';
import { BASEMAP_OPENAPI_PATHS } from '../basemap/openapi-paths';
import { INCIDENT_OPENAPI_PATHS, INCIDENT_OPENAPI_SCHEMAS } from '../incidents/openapi-paths';
import { CLASSIFIER_OPENAPI_PATHS, CLASSIFIER_OPENAPI_SCHEMAS } from '../classifier-learning/openapi-paths';
import { PLAYBACK_OPENAPI_PATHS, PLAYBACK_OPENAPI_SCHEMAS } from '../playback/openapi-paths';
import { OPEN311_OPENAPI_PATHS } from '../open311/openapi-paths';
import { COMPLAINT_ITEM_SCHEMA } from '../ingest/validate-complaint';
import { TRANSITION_BODY_SCHEMA } from '../lifecycle/validate-transition';
import { COMPLAINT_LIST_QUERY_SCHEMA } from '../lifecycle/list-complaints-query';
import { queryParameters, requestSchema } from '../openapi/from-zod';
import { dateTime, errorReply, idParam, jsonBody, nullable, OKTMO, pathParam, ref } from '../openapi/parts';
import { LIFECYCLE_OPENAPI_PATHS } from './openapi-lifecycle-paths';
import { SELF_OPENAPI_PATHS } from '../identity/openapi-paths';
import { ADMIN_OPENAPI_PATHS } from '../identity/admin-openapi-paths';
import { MAX_BATCH_ITEMS, MAX_BODY_BYTES } from '../domain/limits';

const strings = (...names: string[]) => Object.fromEntries(names.map((n) => [n, { type: 'string' }]));

/**
 * The public HTTP contract as OpenAPI 3.1, served at /api/v1/openapi.json. Request bodies and query parameters
 * are generated from the zod schemas that validate them (lib/openapi/from-zod.ts); answers are written here
 * and in each feature's openapi-paths.ts.
 */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'ЦУР situational wall API',
    version: '1.0.0',
    description:
      'Intake of resident complaints from every channel, their lifecycle, and the live numbers of the wall. ' +
      'Codes of blocks, categories and sources come from GET /api/v1/reference; municipalities are OKTMO codes. ' +
      'Every endpoint needs an identity unless it says `security: []`: a personal API token or a source key as ' +
      '`Authorization: Bearer`, or the browser session cookie (cookie-carried writes must come from this site: ' +
      'Origin checked). Without one: 401 `unauthenticated`; with one that may not: 403 `forbidden`; outside the ' +
      "identity's scope: 403, or 404 for a single complaint.",
  },
  security: [{ bearerToken: [] }, { sessionCookie: [] }],
  paths: {
    '/api/v1/reference': {
      get: {
        summary: 'Blocks, categories, sources and municipalities with their stable codes',
        responses: { 200: { description: 'Reference lists', content: jsonBody(ref('Reference')) } },
      },
    },
    '/api/v1/complaints': {
      get: {
        summary: "Complaints newest first, a page at a time, within the caller's scope",
        description:
          'A block lead lists only their blocks, a municipal user their municipalities, an executor its own ' +
          'complaints; asking for a code outside the scope answers 403 naming the field. Text and address are ' +
          'unmasked only for operators, admins and the complaint’s executor (`personal`).',
        parameters: queryParameters(COMPLAINT_LIST_QUERY_SCHEMA),
        responses: {
          200: { description: 'One page', content: jsonBody(ref('ComplaintList')) },
          400: errorReply('Invalid query or an unknown block, municipality or executor (each field named)'),
          403: errorReply('A block, municipality or executor outside the caller’s scope (field named)'),
        },
      },
      post: {
        summary: 'Record complaints (one object, or a batch); idempotent on (source, externalId)',
        description:
          `A batch holds 1 to ${MAX_BATCH_ITEMS} items; the body is at most ${MAX_BODY_BYTES} bytes. The answer is sent ` +
          'after the commit. The municipality is found from lat/lon; the due time from the category deadline ' +
          '(192 h without a category). Good items of a batch are stored even when others are rejected.',
        // The envelope is checked by hand (lib/ingest/parse-batch.ts, for its own 400/413 answers); each item
        // by the ComplaintInput schema.
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
        parameters: [idParam],
        responses: {
          200: { description: 'The complaint and its events', content: jsonBody({ type: 'object' }) },
          404: errorReply('No such complaint'),
        },
      },
      post: {
        summary: 'Record a lifecycle change',
        parameters: [idParam],
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
        // Read by hand in the route (no zod schema): each is checked against the reference only.
        parameters: [
          { name: 'block', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'municipality', in: 'query', required: false, schema: OKTMO },
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
        parameters: [pathParam('block', { type: 'string' })],
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
        summary: 'Liveness and database check; the build id and uptime only for an identified caller',
        security: [],
        responses: { 200: { description: 'OK' }, 503: { description: 'Database down' } },
      },
    },
    ...LIFECYCLE_OPENAPI_PATHS,
    ...WEBHOOK_OPENAPI_PATHS,
    ...BRIEFING_OPENAPI_PATHS,
    ...DRILL_OPENAPI_PATHS,
    ...PLAYBACK_OPENAPI_PATHS,
    ...FEDERAL_OPENAPI_PATHS,
    ...BASEMAP_OPENAPI_PATHS,
    ...INCIDENT_OPENAPI_PATHS,
    ...CLASSIFIER_OPENAPI_PATHS,
    ...OPEN311_OPENAPI_PATHS,
    ...SELF_OPENAPI_PATHS,
    ...ADMIN_OPENAPI_PATHS,
  },
  webhooks: WEBHOOK_OPENAPI_WEBHOOKS,
  components: {
    securitySchemes: {
      bearerToken: {
        type: 'http',
        scheme: 'bearer',
        description:
          'A personal API token (cur_pat_…, /account), a source key (cur_src_…, one channel: POST /api/v1/complaints ' +
          'and Open311 only) or a display token (cur_dsp_…, reads of its screen only)',
      },
      sessionCookie: {
        type: 'apiKey',
        in: 'cookie',
        name: 'cur_session',
        description: 'Set by POST /api/v1/session',
      },
    },
    schemas: {
      ...WEBHOOK_OPENAPI_SCHEMAS,
      ...BRIEFING_OPENAPI_SCHEMAS,
      ...DRILL_OPENAPI_SCHEMAS,
      ...PLAYBACK_OPENAPI_SCHEMAS,
      ...FEDERAL_OPENAPI_SCHEMAS,
      ...INCIDENT_OPENAPI_SCHEMAS,
      ...CLASSIFIER_OPENAPI_SCHEMAS,
      ComplaintInput: requestSchema(COMPLAINT_ITEM_SCHEMA),
      TransitionInput: requestSchema(TRANSITION_BODY_SCHEMA),
      FieldError: { type: 'object', required: ['field', 'message'], properties: strings('field', 'message') },
      IngestResults: {
        type: 'object',
        properties: {
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['externalId', 'status'],
              properties: {
                externalId: nullable('string'),
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
      ComplaintList: {
        type: 'object',
        required: ['complaints', 'nextBefore'],
        properties: {
          complaints: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'integer' },
                receivedAt: dateTime,
                dueAt: dateTime,
                status: { type: 'string' },
                slaState: { enum: ['on_time', 'late', 'very_late'] },
                overdue: { type: 'boolean', description: 'Open and past the due time now' },
                block: nullable('string'),
                category: nullable('string'),
                municipality: nullable('string'),
                executor: nullable('string'),
                address: nullable('string'),
                text: { type: 'string' },
                personal: { type: 'boolean', description: 'False when text and address are masked' },
              },
            },
          },
          nextBefore: nullable('integer', { description: 'Pass as `before` for the next page' }),
        },
      },
      TransitionApplied: {
        type: 'object',
        properties: {
          complaintId: { type: 'integer' },
          status: { const: 'applied' },
          ...strings('from', 'to'),
          at: dateTime,
        },
      },
      Summary: {
        type: 'object',
        properties: {
          block: nullable('string'),
          municipality: nullable('string'),
          today: { type: 'integer', description: 'Received since midnight Europe/Moscow' },
          lastHour: { type: 'integer' },
          open: { type: 'integer', description: `Status in new, routed, in_progress, reopened` },
          overdue: { type: 'integer', description: 'Open and past the due time' },
          asOf: dateTime,
        },
      },
      Reference: {
        type: 'object',
        properties: Object.fromEntries(
          ['blocks', 'categories', 'sources', 'municipalities'].map((n) => [n, { type: 'array' }]),
        ),
      },
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            required: ['status', 'code', 'message'],
            properties: {
              status: { type: 'integer' },
              ...strings('code', 'message'),
              errors: { type: 'array', items: ref('FieldError') },
            },
          },
        },
      },
    },
  },
} as const;
