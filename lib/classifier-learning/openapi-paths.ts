import { dateTime, errorReply, idParam, int, jsonBody, nullable, obj, ref } from '../openapi/parts';
import { CLASSIFIER_VERSION_STATUSES } from '../../db/schema/classifier-versions';
import { requestBody } from '../openapi/from-zod';
import { READ_TEXT_BODY_SCHEMA } from './read-text';

const share = { type: 'number', minimum: 0, maximum: 1 };

const SCORES = obj({
  threshold: share,
  coverage: { ...share, description: 'Held-out complaints at or above the threshold' },
  confidentAccuracy: { ...share, description: 'Blocks right among the confident answers' },
  overallAccuracy: { ...share, description: 'Blocks right of the top guess over every held-out complaint' },
  categoryAccuracy: share,
  noneRejected: { ...share, description: 'Texts rejected as spam that stay below the threshold' },
  perBlock: {
    type: 'array',
    items: obj({ block: { type: 'string' }, support: int, precision: share, recall: share, f1: share }),
  },
  confusions: {
    type: 'array',
    items: obj({ expected: { type: 'string' }, predicted: { type: 'string' }, count: int }),
  },
});

/** The classifier's versions, retraining and rollback in the OpenAPI document (merged by lib/http/openapi.ts). */
export const CLASSIFIER_OPENAPI_PATHS = {
  '/api/v1/classifier/versions': {
    get: {
      summary: 'The classifier versions, newest first, with their scores on the held-out decisions (admin)',
      responses: {
        200: {
          description: 'The versions',
          content: jsonBody(obj({ versions: { type: 'array', items: ref('ClassifierVersion') } })),
        },
      },
    },
  },
  '/api/v1/classifier/read': {
    post: {
      summary:
        'How intake would read a text: the live classifier at its threshold and the place finder (stored nowhere)',
      description:
        'For an integration that asks before it sends, and for replaying a labelled set through the API without ' +
        'filling the operator queue. `category` is null below the threshold; `place.kind` is `found`, ' +
        '`ambiguous`, `foreign` (the text names another region) or `none`.',
      requestBody: requestBody(READ_TEXT_BODY_SCHEMA),
      responses: {
        200: {
          description: 'The reading',
          content: jsonBody(
            obj({
              category: nullable('string'),
              block: nullable('string'),
              confidence: { type: 'number' },
              threshold: { type: 'number' },
              version: nullable('integer'),
              suggestions: {
                type: 'array',
                items: obj({ category: { type: 'string' }, score: { type: 'number' } }),
              },
              place: { type: 'object' },
            }),
          ),
        },
        400: errorReply('An empty or too long text, or an unknown block'),
      },
    },
  },
  '/api/v1/classifier/retrain': {
    post: {
      summary: 'Retrain the classifier now from the seed corpus and the operators’ decisions (admin)',
      description:
        'Measures the candidate and the live version on the most recent decisions (held out, never trained ' +
        'on), at thresholds calibrated to the same precision. It goes live when it routes more of them by itself ' +
        'without less accurate confident answers; otherwise it is stored as refused with the reason.',
      responses: {
        201: {
          description: 'The stored version (live or refused)',
          content: jsonBody(ref('ClassifierRetrain')),
        },
        409: errorReply(
          'Nothing trained: too few decisions to judge a version by, or the live one changed meanwhile',
        ),
      },
    },
  },
  '/api/v1/classifier/versions/{id}/rollback': {
    post: {
      summary: 'Make an earlier (retired) classifier version live again on every node (admin, audited)',
      parameters: [idParam],
      responses: {
        200: {
          description: 'Now live; `retired` is the version it replaced',
          content: jsonBody(
            obj({ status: { const: 'applied' }, version: int, retired: nullable('integer') }),
          ),
        },
        404: errorReply('No such version'),
        409: errorReply('The version is live, refused or a candidate: only a retired one can come back'),
      },
    },
  },
};

const METRICS = obj({
  heldOut: { ...int, description: 'Held-out decisions measured on' },
  targetPrecision: share,
  candidate: SCORES,
  live: { anyOf: [{ ...SCORES, properties: { ...SCORES.properties, version: int } }, { type: 'null' }] },
});

export const CLASSIFIER_OPENAPI_SCHEMAS = {
  ClassifierVersion: obj({
    id: int,
    createdAt: dateTime,
    status: { enum: [...CLASSIFIER_VERSION_STATUSES] },
    trainedFrom: { ...int, description: 'The highest example id it saw (0: the seed corpus alone)' },
    heldOutFrom: { ...int, description: 'Decisions from this id on were held out' },
    examples: int,
    threshold: { type: 'number' },
    metrics: { anyOf: [METRICS, { type: 'null' }] },
    reason: nullable('string'),
    requestedBy: { type: 'string' },
    liveAt: nullable('string', { format: 'date-time' }),
  }),
  ClassifierRetrain: obj({
    status: { enum: ['live', 'refused'] },
    version: int,
    reason: nullable('string'),
    metrics: METRICS,
  }),
};
