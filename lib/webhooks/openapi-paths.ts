import { DELIVERY_STATUSES } from '../../db/schema/webhook-deliveries';
import { COMPLAINT_STATUSES } from '../domain/statuses';
import { MAX_ERROR_CHARS } from './send-delivery';
import { queryParameters, requestSchema } from '../openapi/from-zod';
import { dateTime, errorReply, idParam, jsonBody, nullable, pathParam, ref } from '../openapi/parts';
import { DELIVERY_LOG_QUERY_SCHEMA, WEBHOOK_BODY_SCHEMA } from './webhook-input';

/**
 * The webhook part of the OpenAPI document: merge `WEBHOOK_OPENAPI_PATHS` into `paths`,
 * `WEBHOOK_OPENAPI_SCHEMAS` into `components.schemas` and `WEBHOOK_OPENAPI_WEBHOOKS` into the top-level
 * `webhooks` (OpenAPI 3.1's place for calls the server makes to others) of lib/http/openapi.ts.
 */
const sourceParam = pathParam('source', { type: 'string' }, 'Source code from GET /api/v1/reference');

export const WEBHOOK_OPENAPI_PATHS = {
  '/api/v1/sources/{source}/webhook': {
    get: {
      summary: "The source's answer webhook (the secret is never returned, only secretSet)",
      parameters: [sourceParam],
      responses: {
        200: { description: 'The webhook', content: jsonBody(ref('Webhook')) },
        404: errorReply('Unknown source, or the source has no webhook'),
      },
    },
    put: {
      summary: 'Set or replace the webhook the answers to this source are POSTed to',
      parameters: [sourceParam],
      requestBody: { required: true, content: jsonBody(ref('WebhookInput')) },
      responses: {
        200: { description: 'Replaced', content: jsonBody(ref('Webhook')) },
        201: { description: 'Created', content: jsonBody(ref('Webhook')) },
        400: errorReply('Invalid body (each field with the reason)'),
        404: errorReply('Unknown source'),
        415: errorReply('Content type is not JSON'),
      },
    },
    delete: {
      summary: 'Remove the webhook; its pending deliveries are settled as failed',
      parameters: [sourceParam],
      responses: {
        200: {
          description: 'Removed',
          content: jsonBody({
            type: 'object',
            properties: {
              source: { type: 'string' },
              deleted: { const: true },
              pendingFailed: { type: 'integer' },
            },
          }),
        },
        404: errorReply('Unknown source, or the source has no webhook'),
      },
    },
  },
  '/api/v1/sources/{source}/deliveries': {
    get: {
      summary: "The source's delivery log, newest first, each delivery with its attempts",
      parameters: [sourceParam, ...queryParameters(DELIVERY_LOG_QUERY_SCHEMA)],
      responses: {
        200: { description: 'A page of the log', content: jsonBody(ref('DeliveryLog')) },
        400: errorReply('Invalid query parameter'),
        404: errorReply('Unknown source'),
      },
    },
  },
  '/api/v1/webhook-deliveries/{id}/retry': {
    post: {
      summary: 'Put a failed delivery back to pending, due now, with a fresh round of attempts',
      parameters: [idParam],
      responses: {
        200: {
          description: 'Queued',
          content: jsonBody({
            type: 'object',
            properties: { id: { type: 'integer' }, status: { const: 'pending' }, nextAttemptAt: dateTime },
          }),
        },
        400: errorReply('Invalid id'),
        404: errorReply('No such delivery'),
        409: errorReply('The delivery is not failed, or its source has no webhook any more'),
      },
    },
  },
} as const;

export const WEBHOOK_OPENAPI_WEBHOOKS = {
  complaintAnswer: {
    post: {
      summary: 'An answer to a complaint, POSTed to the webhook of the source it came from',
      description:
        'Sent for the statuses routed (also when an open complaint is re-routed or reclassified to another ' +
        'executor: the answer names the new one), in_progress, resolved, rejected, on_vote, closed and reopened. Headers: ' +
        '`X-Cur-Event` (the `event` field), `X-Cur-Delivery` (the delivery id: the same on every retry, so a ' +
        'receiver can drop duplicates; delivery is at least once), `X-Cur-Signature: sha256=<hex>` (HMAC-SHA256 ' +
        'of the raw body with the webhook secret). Any 2xx within 10 s is a delivery. Timeouts, network errors, ' +
        '5xx, 408 and 429 are retried after 30 s × 2^(attempt−1) (at most 1 h, ±20 %), or after Retry-After on ' +
        '429 and 503, up to maxAttempts; any other status (and a redirect, which is not followed) fails the ' +
        'delivery at once. Answers of one complaint may arrive out of order: order them by `at`.',
      requestBody: { required: true, content: jsonBody(ref('AnswerPayload')) },
      responses: { 200: { description: 'Any 2xx: delivered' } },
    },
  },
} as const;

export const WEBHOOK_OPENAPI_SCHEMAS = {
  WebhookInput: requestSchema(WEBHOOK_BODY_SCHEMA),
  Webhook: {
    type: 'object',
    properties: {
      source: { type: 'string' },
      url: { type: 'string' },
      enabled: { type: 'boolean' },
      maxAttempts: { type: 'integer' },
      secretSet: { type: 'boolean' },
      createdAt: dateTime,
      updatedAt: dateTime,
    },
  },
  AnswerPayload: {
    type: 'object',
    required: ['event', 'complaint', 'status', 'at', 'executor', 'answer', 'photoUrls', 'reason', 'comment'],
    properties: {
      event: { type: 'string', examples: ['complaint.resolved'], description: '`complaint.<status>`' },
      complaint: {
        type: 'object',
        properties: {
          id: { type: 'integer', description: 'Our complaint id' },
          externalId: { type: 'string', description: 'The id the source sent the complaint with' },
          source: { type: 'string' },
        },
      },
      status: { enum: [...COMPLAINT_STATUSES] },
      at: { ...dateTime, description: 'When the change happened' },
      executor: nullable('object', {
        properties: { code: { type: 'string' }, name: nullable('string') },
        description: 'Who answers for the complaint; null when none is assigned',
      }),
      answer: nullable('string', { description: 'resolved: the answer to the resident' }),
      photoUrls: { type: 'array', items: { type: 'string' }, description: 'resolved: photos of the fix' },
      reason: nullable('string', { description: 'rejected: why' }),
      comment: nullable('string'),
    },
  },
  DeliveryLog: {
    type: 'object',
    properties: {
      source: { type: 'string' },
      nextBefore: nullable('integer', { description: 'Pass as before for the next page; null on the last' }),
      deliveries: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            event: { type: 'string' },
            complaintId: { type: 'integer' },
            eventId: { type: 'integer' },
            status: { enum: [...DELIVERY_STATUSES] },
            attemptCount: {
              type: 'integer',
              description: 'Attempts in the current round (reset by a retry)',
            },
            nextAttemptAt: nullable('string', { format: 'date-time' }),
            lastStatusCode: nullable('integer'),
            lastError: nullable('string', { maxLength: MAX_ERROR_CHARS }),
            createdAt: dateTime,
            deliveredAt: nullable('string', { format: 'date-time' }),
            payload: ref('AnswerPayload'),
            attempts: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  attempt: { type: 'integer' },
                  at: dateTime,
                  statusCode: nullable('integer', { description: 'null: no answer (timeout, network)' }),
                  error: nullable('string'),
                  durationMs: { type: 'integer' },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
