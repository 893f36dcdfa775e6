import { dateTime, errorReply, jsonBody, nullable, pathParam, ref } from '../openapi/parts';

/**
 * The federal view's part of the OpenAPI document: merge `FEDERAL_OPENAPI_PATHS` into `paths` and
 * `FEDERAL_OPENAPI_SCHEMAS` into `components.schemas` of lib/http/openapi.ts.
 */
const share = nullable('number', { minimum: 0, maximum: 1 });

export const FEDERAL_OPENAPI_PATHS = {
  '/api/v1/regions': {
    get: {
      summary:
        "The network of regional centers: each of the 85 regions' flows (today, 7 days), open backlog, overdue and on-time shares, last data time and live state, with network totals",
      responses: { 200: { description: 'The network', content: jsonBody(ref('FederalOverview')) } },
    },
  },
  '/api/v1/regions/{code}': {
    get: {
      summary:
        "One region's card: its network row, its blocks and its newest complaints (personal data masked)",
      parameters: [
        {
          ...pathParam('code', { type: 'string' }, 'ISO 3166-2 code, case-insensitive (RU-TA, UA-43)'),
          examples: { tatarstan: { value: 'RU-TA' } },
        },
      ],
      responses: {
        200: { description: 'The region', content: jsonBody(ref('FederalRegionDetail')) },
        400: errorReply('Not an ISO 3166-2 code'),
        404: errorReply('No such region'),
      },
    },
  },
};

export const FEDERAL_OPENAPI_SCHEMAS = {
  FederalRegion: {
    type: 'object',
    properties: {
      code: { type: 'string', examples: ['RU-TA'] },
      name: { type: 'string' },
      shortName: { type: 'string' },
      federalDistrict: { type: 'string' },
      capital: {
        type: 'object',
        properties: { name: { type: 'string' }, lon: { type: 'number' }, lat: { type: 'number' } },
      },
      home: { type: 'boolean', description: 'The region this center serves (RU-MOS)' },
      today: { type: 'integer', description: 'Received today (Moscow day)' },
      trend: {
        type: 'array',
        items: { type: 'integer' },
        description: 'Received per day, 7 Moscow days, oldest first',
      },
      week: { type: 'integer' },
      open: { type: 'integer' },
      overdue: { type: 'integer' },
      overdueShare: share,
      resolvedWeek: { type: 'integer' },
      onTimeShare: share,
      lastDataAt: nullable('string', { format: 'date-time' }),
      live: { type: 'boolean', description: 'Data arrived within liveWindowMinutes' },
    },
  },
  FederalOverview: {
    type: 'object',
    properties: {
      asOf: dateTime,
      homeRegion: { type: 'string' },
      liveWindowMinutes: { type: 'integer' },
      days: { type: 'array', items: { type: 'string', format: 'date' } },
      totals: {
        type: 'object',
        properties: {
          regions: { type: 'integer' },
          live: { type: 'integer' },
          silent: { type: 'integer' },
          today: { type: 'integer' },
          week: { type: 'integer' },
          open: { type: 'integer' },
          overdue: { type: 'integer' },
          overdueShare: share,
          resolvedWeek: { type: 'integer' },
          onTimeShare: share,
        },
      },
      regions: { type: 'array', items: ref('FederalRegion') },
    },
  },
  FederalRegionDetail: {
    type: 'object',
    properties: {
      asOf: dateTime,
      region: ref('FederalRegion'),
      blocks: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            name: { type: 'string' },
            today: { type: 'integer' },
            week: { type: 'integer' },
            open: { type: 'integer' },
            overdue: { type: 'integer' },
          },
        },
      },
      latest: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            receivedAt: dateTime,
            block: nullable('string'),
            status: { type: 'string' },
            excerpt: { type: 'string' },
          },
        },
      },
    },
  },
};
