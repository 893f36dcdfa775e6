import { queryParameters } from '../openapi/from-zod';
import { dateTime, errorReply, int, jsonBody, nullable, obj, OKTMO, pathParam, ref } from '../openapi/parts';
import { COMPLAINTS_QUERY, PAYLOAD_QUERY } from './drill-query';
import { BBOX_COMPLAINTS_LIMIT, HOUR_OF_WEEK_WEEKS, ON_TIME_WINDOW_DAYS, TREND_DAYS } from './types';

/**
 * The drill-down part of the OpenAPI document: merge `DRILL_OPENAPI_PATHS` into `paths` and
 * `DRILL_OPENAPI_SCHEMAS` into `components.schemas` of lib/http/openapi.ts.
 */
const oktmoParam = pathParam('oktmo', OKTMO, 'Municipality OKTMO code from GET /api/v1/reference');

export const DRILL_OPENAPI_PATHS = {
  '/api/v1/municipalities/{oktmo}': {
    get: {
      summary:
        "A municipality's drill-down: trend against the region, week, hour-of-week, overdue, topics, cells",
      parameters: [oktmoParam, ...queryParameters(PAYLOAD_QUERY)],
      responses: {
        200: { description: 'The drill-down payload', content: jsonBody(ref('DrillPayload')) },
        400: errorReply('Invalid query (each field with the reason)'),
        404: errorReply('Unknown municipality (field oktmo) or block (field block)'),
      },
    },
  },
  '/api/v1/municipalities/{oktmo}/complaints': {
    get: {
      summary: `The municipality's open complaints inside a map view, most overdue first, at most ${BBOX_COMPLAINTS_LIMIT}`,
      parameters: [oktmoParam, ...queryParameters(COMPLAINTS_QUERY)],
      responses: {
        200: { description: 'The complaints in the view', content: jsonBody(ref('BboxComplaints')) },
        400: errorReply('Invalid bbox or block (field bbox / block)'),
        404: errorReply('Unknown municipality (field oktmo) or block (field block)'),
      },
    },
  },
};

const topCategory = obj({
  category: { type: 'string' },
  thisWeek: int,
  lastWeek: int,
  changePct: nullable('number'),
});

export const DRILL_OPENAPI_SCHEMAS = {
  DrillPayload: obj({
    municipality: obj({
      oktmo: { type: 'string' },
      name: { type: 'string' },
      shortName: { type: 'string' },
      population: int,
      center: obj({ lat: { type: 'number' }, lon: { type: 'number' } }),
    }),
    block: nullable('string'),
    asOf: dateTime,
    trend: obj({
      days: {
        type: 'array',
        description: `${TREND_DAYS} Moscow days, oldest first; the last is today so far`,
        items: obj({
          date: { type: 'string', format: 'date' },
          count: int,
          per10k: { type: 'number' },
          regionPer10k: { type: 'number' },
        }),
      },
      per10k: { type: 'number' },
      regionPer10k: { type: 'number' },
      ratio: nullable('number'),
    }),
    week: obj({
      weekStart: { type: 'string', format: 'date' },
      days: {
        type: 'array',
        items: obj({
          date: { type: 'string', format: 'date' },
          thisWeek: nullable('integer'),
          lastWeek: int,
        }),
      },
      thisWeekToDate: int,
      lastWeekToDate: int,
      changePct: nullable('number'),
    }),
    hourOfWeek: obj({
      weeks: { type: 'integer', example: HOUR_OF_WEEK_WEEKS },
      counts: {
        type: 'array',
        description: '7 Moscow weekdays (Monday first) × 24 hours',
        items: { type: 'array', items: int },
      },
      total: int,
      max: int,
    }),
    overdue: obj({
      late: int,
      veryLate: int,
      breachNext24h: int,
      oldest: {
        type: 'array',
        items: obj({
          id: int,
          category: { type: 'string' },
          municipality: nullable('string'),
          executor: { type: 'string' },
          receivedAt: dateTime,
          dueAt: dateTime,
          severity: { enum: ['late', 'very_late'] },
        }),
      },
      executors: {
        type: 'array',
        items: obj({ code: { type: 'string' }, name: { type: 'string' }, late: int, veryLate: int }),
      },
    }),
    topCategories: { type: 'array', items: topCategory },
    onTime: obj({
      windowDays: { type: 'integer', example: ON_TIME_WINDOW_DAYS },
      resolved: int,
      rate: nullable('number'),
      regionRate: nullable('number'),
    }),
    cells: {
      type: 'array',
      description: 'Open complaints per H3 cell at resolution 8',
      items: obj({ h3: { type: 'string' }, open: int, overdue: int }),
    },
  }),
  BboxComplaints: obj({
    bbox: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 },
    truncated: { type: 'boolean' },
    complaints: {
      type: 'array',
      items: obj({
        id: int,
        lat: { type: 'number' },
        lon: { type: 'number' },
        receivedAt: dateTime,
        dueAt: dateTime,
        category: { type: 'string' },
        block: { type: 'string' },
        status: { type: 'string' },
        overdue: { type: 'boolean' },
        excerpt: { type: 'string', description: 'The start of the text with personal data masked' },
      }),
    },
  }),
};
