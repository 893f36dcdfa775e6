import {
  CLASSIFICATION_BODY_SCHEMA,
  RECLASSIFICATION_BODY_SCHEMA,
  ROUTING_BODY_SCHEMA,
} from '../lifecycle/command-bodies';
import { QUALITY_QUERY_SCHEMA } from '../queries/quality-query';
import { TRIAGE_QUERY_SCHEMA } from '../triage/triage-query';
import { PROBLEM_LIST_DEFAULT_LIMIT, PROBLEM_LIST_MAX_LIMIT } from '../problems/parse-problem-list-query';
import { queryParameters, requestBody } from '../openapi/from-zod';
import { dateTime, errorReply, idParam, jsonBody, nullable, obj, OKTMO } from '../openapi/parts';

const anObject = jsonBody({ type: 'object' });
const str = { type: 'string' };
const notFound = errorReply('No such complaint');
/** Read by hand in lib/problems/parse-problem-list-query.ts (no zod schema): each is also checked there. */
const query = (name: string, schema: object, description?: string) => ({
  name,
  in: 'query',
  required: false,
  schema,
  ...(description ? { description } : {}),
});

/** Lifecycle, routing, operator queue, quality and problems paths of the OpenAPI document (merged in openapi.ts). */
export const LIFECYCLE_OPENAPI_PATHS = {
  '/api/v1/complaints/{id}/routing': {
    post: {
      summary: 'Re-route an open complaint to another executor (recorded as a `routed` event)',
      parameters: [idParam],
      requestBody: requestBody(ROUTING_BODY_SCHEMA),
      responses: {
        201: { description: 'Re-routed', content: anObject },
        400: errorReply('Unknown executor or bad body'),
        404: notFound,
        409: errorReply('Not open, not yet classified, or already with that executor'),
      },
    },
  },
  '/api/v1/complaints/{id}/classification': {
    post: {
      summary:
        'An operator gives a queued complaint its category (and its municipality, if intake could not place it); it is then routed by the rules. On an open complaint the classifier filed and no person has decided yet, the same category confirms the guess and another one corrects it (as /reclassification does); either way the decision teaches the classifier',
      parameters: [idParam],
      requestBody: requestBody(CLASSIFICATION_BODY_SCHEMA),
      responses: {
        201: {
          description: 'Classified and routed',
          content: jsonBody(
            obj({
              complaintId: { type: 'integer' },
              category: str,
              block: str,
              municipality: nullable('string'),
              executor: str,
              dueAt: dateTime,
            }),
          ),
        },
        400: errorReply('Unknown category or municipality, or a bad body'),
        404: notFound,
        409: errorReply(
          'The complaint is not waiting in the operator queue nor filed by the classifier undecided, or is already placed in another municipality',
        ),
      },
    },
  },
  '/api/v1/complaints/{id}/reclassification': {
    post: {
      summary:
        'Corrects the category of an open complaint that was never resolved: new block, deadlines from receipt, problem and executor; the status stays',
      parameters: [idParam],
      requestBody: requestBody(RECLASSIFICATION_BODY_SCHEMA),
      responses: {
        201: {
          description:
            'Reclassified; a `routed` event (and an answer to the source) when the executor changed',
          content: jsonBody(
            obj({
              complaintId: { type: 'integer' },
              fromCategory: str,
              category: str,
              block: str,
              fromExecutor: nullable('string'),
              executor: str,
              dueAt: dateTime,
            }),
          ),
        },
        400: errorReply('Unknown category or a bad body'),
        404: notFound,
        409: errorReply(
          'Not open, never classified (use /classification), already in that category, or resolved once and reopened',
        ),
      },
    },
  },
  '/api/v1/triage': {
    get: {
      summary: 'The operator queue: complaints the classifier was not confident about, with its suggestions',
      parameters: queryParameters(TRIAGE_QUERY_SCHEMA),
      responses: {
        200: {
          description: 'The queue, oldest first; `total` counts every waiting complaint',
          content: jsonBody(
            obj({
              total: { type: 'integer' },
              items: {
                type: 'array',
                items: obj(
                  {
                    id: { type: 'integer' },
                    source: str,
                    receivedAt: dateTime,
                    excerpt: { ...str, description: 'Masked, shortened to 160 characters' },
                    text: { ...str, description: 'The whole text, personal data masked' },
                    block: nullable('string', { description: 'When the source gave one' }),
                    municipality: nullable('string'),
                    placeName: nullable('string'),
                    placeCandidates: {
                      type: 'array',
                      items: str,
                      description: 'OKTMO codes an ambiguous place name could mean',
                    },
                    possiblyForeignRegion: nullable('string', {
                      description: 'Another region the text names as the writer’s place («Курская область»)',
                    }),
                    confidence: nullable('number'),
                    suggestions: {
                      type: 'array',
                      items: obj({ categoryCode: str, score: { type: 'number' } }, []),
                    },
                  },
                  [],
                ),
              },
            }),
          ),
        },
        400: errorReply('Bad query'),
      },
    },
  },
  '/api/v1/quality': {
    get: {
      summary: 'On-time and reopen rates per executor or per municipality over the last days',
      parameters: queryParameters(QUALITY_QUERY_SCHEMA),
      responses: {
        200: { description: 'Rates', content: anObject },
        400: errorReply('Bad query'),
        404: errorReply('Unknown block or municipality'),
      },
    },
  },
  '/api/v1/problems': {
    get: {
      summary: 'The largest open problems (duplicates joined by category, place and time)',
      parameters: [
        query('block', str),
        query('municipality', OKTMO),
        query('limit', {
          type: 'integer',
          minimum: 1,
          maximum: PROBLEM_LIST_MAX_LIMIT,
          default: PROBLEM_LIST_DEFAULT_LIMIT,
        }),
        query('since', dateTime, 'Default: midnight Europe/Moscow today'),
      ],
      responses: {
        200: { description: 'Problems', content: anObject },
        400: errorReply('Bad query'),
      },
    },
  },
  '/api/v1/problems/{id}': {
    get: {
      summary: 'One problem with its complaints',
      parameters: [idParam],
      responses: {
        200: { description: 'The problem', content: anObject },
        404: errorReply('No such problem'),
      },
    },
  },
};
