import { COMPLAINT_STATUSES, REJECTION_REASONS } from '../domain/statuses';

/** Lifecycle, routing, operator queue, quality and problems paths of the OpenAPI document (merged in openapi.ts). */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: object) => ({ 'application/json': { schema } });
const errorReply = (description: string) => ({ description, content: jsonBody(ref('Error')) });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const query = (name: string, schema: object, description?: string) => ({
  name,
  in: 'query',
  required: false,
  schema,
  ...(description ? { description } : {}),
});

export const LIFECYCLE_OPENAPI_PATHS = {
  '/api/v1/complaints/{id}/routing': {
    post: {
      summary: 'Re-route an open complaint to another executor (recorded as a `routed` event)',
      parameters: [idParam],
      requestBody: {
        required: true,
        content: jsonBody({
          type: 'object',
          required: ['executor'],
          properties: {
            executor: { type: 'string' },
            actor: { type: 'string' },
            comment: { type: 'string' },
          },
        }),
      },
      responses: {
        201: { description: 'Re-routed', content: jsonBody({ type: 'object' }) },
        400: errorReply('Unknown executor or bad body'),
        404: errorReply('No such complaint'),
        409: errorReply('Not open, not yet classified, or already with that executor'),
      },
    },
  },
  '/api/v1/complaints/{id}/classification': {
    post: {
      summary:
        'An operator gives a queued complaint its category (and its municipality, if intake could not place it); it is then routed by the rules',
      parameters: [idParam],
      requestBody: {
        required: true,
        content: jsonBody({
          type: 'object',
          required: ['category'],
          properties: {
            category: { type: 'string', example: 'housing.yard-snow' },
            municipality: {
              type: 'string',
              pattern: '^\\d{11}$',
              description:
                "OKTMO of one of the region's municipalities; only for a complaint without one (no coordinates, an ambiguous or missing place name)",
            },
            actor: { type: 'string' },
          },
        }),
      },
      responses: {
        201: {
          description: 'Classified and routed',
          content: jsonBody({
            type: 'object',
            required: ['complaintId', 'category', 'block', 'municipality', 'executor', 'dueAt'],
            properties: {
              complaintId: { type: 'integer' },
              category: { type: 'string' },
              block: { type: 'string' },
              municipality: { type: ['string', 'null'] },
              executor: { type: 'string' },
              dueAt: { type: 'string', format: 'date-time' },
            },
          }),
        },
        400: errorReply('Unknown category or municipality, or a bad body'),
        404: errorReply('No such complaint'),
        409: errorReply(
          'The complaint is not waiting in the operator queue, or is already placed in another municipality',
        ),
      },
    },
  },
  '/api/v1/complaints/{id}/reclassification': {
    post: {
      summary:
        'Corrects the category of an open complaint that was never resolved: new block, deadlines from receipt, problem and executor; the status stays',
      parameters: [idParam],
      requestBody: {
        required: true,
        content: jsonBody({
          type: 'object',
          required: ['category'],
          properties: {
            category: { type: 'string', example: 'transport.pothole' },
            actor: { type: 'string' },
            comment: { type: 'string', maxLength: 4000 },
          },
        }),
      },
      responses: {
        201: {
          description:
            'Reclassified; a `routed` event (and an answer to the source) when the executor changed',
          content: jsonBody({
            type: 'object',
            required: [
              'complaintId',
              'fromCategory',
              'category',
              'block',
              'fromExecutor',
              'executor',
              'dueAt',
            ],
            properties: {
              complaintId: { type: 'integer' },
              fromCategory: { type: 'string' },
              category: { type: 'string' },
              block: { type: 'string' },
              fromExecutor: { type: ['string', 'null'] },
              executor: { type: 'string' },
              dueAt: { type: 'string', format: 'date-time' },
            },
          }),
        },
        400: errorReply('Unknown category or a bad body'),
        404: errorReply('No such complaint'),
        409: errorReply(
          'Not open, never classified (use /classification), already in that category, or resolved once and reopened',
        ),
      },
    },
  },
  '/api/v1/triage': {
    get: {
      summary: 'The operator queue: complaints the classifier was not confident about, with its suggestions',
      parameters: [
        query('limit', { type: 'integer', minimum: 1, maximum: 500, default: 50 }),
        query('after', { type: 'integer', minimum: 1 }, 'Continue after this complaint id'),
      ],
      responses: {
        200: {
          description: 'The queue, oldest first; `total` counts every waiting complaint',
          content: jsonBody({
            type: 'object',
            required: ['total', 'items'],
            properties: {
              total: { type: 'integer' },
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'integer' },
                    source: { type: 'string' },
                    receivedAt: { type: 'string', format: 'date-time' },
                    excerpt: { type: 'string', description: 'Masked, shortened to 160 characters' },
                    text: { type: 'string', description: 'The whole text, personal data masked' },
                    block: { type: ['string', 'null'], description: 'When the source gave one' },
                    municipality: { type: ['string', 'null'] },
                    placeName: { type: ['string', 'null'] },
                    placeCandidates: {
                      type: 'array',
                      items: { type: 'string' },
                      description: 'OKTMO codes an ambiguous place name could mean',
                    },
                    confidence: { type: ['number', 'null'] },
                    suggestions: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: { categoryCode: { type: 'string' }, score: { type: 'number' } },
                      },
                    },
                  },
                },
              },
            },
          }),
        },
        400: errorReply('Bad query'),
      },
    },
  },
  '/api/v1/quality': {
    get: {
      summary: 'On-time and reopen rates per executor or per municipality over the last days',
      parameters: [
        query('by', { enum: ['executor', 'municipality'], default: 'executor' }),
        query('block', { type: 'string' }),
        query('municipality', { type: 'string', pattern: '^\\d{11}$' }),
        query('days', { type: 'integer', minimum: 1, maximum: 366, default: 30 }),
      ],
      responses: {
        200: { description: 'Rates', content: jsonBody({ type: 'object' }) },
        400: errorReply('Bad query'),
        404: errorReply('Unknown block or municipality'),
      },
    },
  },
  '/api/v1/problems': {
    get: {
      summary: 'The largest open problems (duplicates joined by category, place and time)',
      parameters: [
        query('block', { type: 'string' }),
        query('municipality', { type: 'string' }),
        query('limit', { type: 'integer' }),
      ],
      responses: {
        200: { description: 'Problems', content: jsonBody({ type: 'object' }) },
        400: errorReply('Bad query'),
      },
    },
  },
  '/api/v1/problems/{id}': {
    get: {
      summary: 'One problem with its complaints',
      parameters: [idParam],
      responses: {
        200: { description: 'The problem', content: jsonBody({ type: 'object' }) },
        404: errorReply('No such problem'),
      },
    },
  },
};

/** Extra fields of TransitionInput: proof for a resolution, the reason of a rejection, a precondition. */
export const TRANSITION_PROOF_PROPERTIES = {
  photoUrls: {
    type: 'array',
    items: { type: 'string', format: 'uri' },
    minItems: 1,
    maxItems: 10,
    description: 'Required with status resolved: photos of the fix (http/https)',
  },
  answer: {
    type: 'string',
    maxLength: 4000,
    description: 'Required with resolved; allowed with rejected and on_vote',
  },
  reason: { enum: [...REJECTION_REASONS], description: 'Required with status rejected' },
  expectedStatus: {
    enum: [...COMPLAINT_STATUSES],
    description:
      'Optional precondition: when the complaint is in another status by now (someone acted first), 409 and nothing changes',
  },
};
