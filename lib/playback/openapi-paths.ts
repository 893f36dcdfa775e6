import { queryParameters } from '../openapi/from-zod';
import { dateTime, errorReply, jsonBody, nullable, ref } from '../openapi/parts';
import { PLAYBACK_QUERY } from './playback-query';
import { CELL_ENTRIES_LIMIT, PLAYBACK_SPANS, POINTS_LIMIT } from './types';

/** The playback part of the OpenAPI document: merge `PLAYBACK_OPENAPI_PATHS` into `paths` and
 * `PLAYBACK_OPENAPI_SCHEMAS` into `components.schemas` of lib/http/openapi.ts. */
const ints = { type: 'array', items: { type: 'integer' } };
const nums = { type: 'array', items: { type: 'number' } };
const nullableInts = { type: 'array', items: nullable('integer') };

export const PLAYBACK_OPENAPI_PATHS = {
  '/api/v1/playback': {
    get: {
      summary: 'A replay of the last 24 hours or 7 days: the counters over time and the map, in one payload',
      description:
        'Counters come from the rollups (per minute for 24 h, per hour for 7 d) starting at Moscow midnight before ' +
        'the replay, so "received today", "last hour" and "resolved today" at any step boundary are exact; the ' +
        'backlog from the hourly record. The map: single complaints with coordinates for 24 h (every k-th by id ' +
        `above ${POINTS_LIMIT}), complaints per hour × H3 cell for 7 d (at most ${CELL_ENTRIES_LIMIT} entries).`,
      parameters: queryParameters(PLAYBACK_QUERY),
      responses: {
        200: { description: 'The replay', content: jsonBody(ref('Playback')) },
        400: errorReply('Bad span, block, municipality or at (each field with the reason)'),
      },
    },
  },
};

export const PLAYBACK_OPENAPI_SCHEMAS = {
  Playback: {
    type: 'object',
    required: [
      'span',
      'scope',
      'from',
      'to',
      'stepMs',
      'asOf',
      'series',
      'backlog',
      'resolution',
      'cells',
      'map',
    ],
    properties: {
      span: { enum: [...PLAYBACK_SPANS] },
      scope: {
        type: 'object',
        properties: { block: nullable('string'), municipality: nullable('string') },
      },
      from: { ...dateTime, description: 'First clock position' },
      to: { ...dateTime, description: 'Last clock position: now floored to the step' },
      stepMs: { type: 'integer', description: '60000 (24h) or 3600000 (7d)' },
      asOf: dateTime,
      series: {
        type: 'object',
        description: 'Bucket i covers [from + i·stepMs, from + (i+1)·stepMs)',
        properties: { from: dateTime, stepMs: { type: 'integer' }, received: ints, resolved: ints },
      },
      backlog: {
        type: 'object',
        description:
          'Open, overdue and (of overdue) very late at the start of each hour from `from`; null where not recorded',
        properties: { from: dateTime, open: nullableInts, overdue: nullableInts, veryLate: nullableInts },
      },
      resolution: { type: 'integer', description: 'H3 resolution of `cells`: 6, or 8 for a municipality' },
      cells: { type: 'array', items: { type: 'string' } },
      map: {
        oneOf: [
          {
            type: 'object',
            description: '24h: complaints with coordinates, oldest first',
            properties: {
              kind: { const: 'points' },
              from: dateTime,
              t: { ...ints, description: 'Seconds after map.from' },
              lon: nums,
              lat: nums,
              cell: { ...ints, description: 'Index into cells' },
              block: { ...ints, description: 'Index into map.blocks' },
              blocks: { type: 'array', items: { type: 'string' } },
              sampleEvery: { type: 'integer' },
            },
          },
          {
            type: 'object',
            description: '7d: complaints per hour × cell',
            properties: {
              kind: { const: 'cells' },
              from: dateTime,
              hourStart: { ...ints, description: "Hour h's entries are [hourStart[h], hourStart[h+1])" },
              cell: ints,
              n: ints,
              trimmed: { type: 'boolean' },
            },
          },
        ],
      },
      countersAt: {
        type: 'object',
        description: 'With `at` only',
        properties: {
          at: dateTime,
          today: { type: 'integer' },
          lastHour: { type: 'integer' },
          resolvedToday: { type: 'integer' },
          open: nullable('integer'),
          overdue: nullable('integer'),
          veryLate: nullable('integer'),
          backlogAt: dateTime,
        },
      },
    },
  },
};
