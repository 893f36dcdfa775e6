/**
 * The briefing part of the OpenAPI document: merge `BRIEFING_OPENAPI_PATHS` into `paths` and
 * `BRIEFING_OPENAPI_SCHEMAS` into `components.schemas` of lib/http/openapi.ts.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: object) => ({ 'application/json': { schema } });
const errorReply = (description: string) => ({ description, content: jsonBody(ref('Error')) });
const weekParam = {
  name: 'week',
  in: 'query',
  required: false,
  schema: { type: 'string', pattern: '^\\d{4}-W\\d{2}$', examples: ['2026-W47'] },
  description:
    'ISO week, Monday 00:00 to Monday 00:00 Europe/Moscow; default the last complete week. The week under way is counted to its last whole hour; future weeks are refused.',
};
const pair = {
  type: 'object',
  required: ['current', 'previous'],
  properties: { current: { type: 'integer' }, previous: { type: 'integer' } },
};
const nullablePair = {
  type: 'object',
  required: ['current', 'previous'],
  properties: { current: { type: ['integer', 'null'] }, previous: { type: ['integer', 'null'] } },
};
const onTime = {
  type: 'object',
  properties: {
    resolved: { type: 'integer' },
    resolvedOnTime: { type: 'integer' },
    share: { type: ['number', 'null'] },
  },
};
const week = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    label: { type: 'string', examples: ['16–22 ноября 2026'] },
    start: { type: 'string', format: 'date-time' },
    end: { type: 'string', format: 'date-time', description: 'exclusive' },
    complete: { type: 'boolean' },
  },
};

export const BRIEFING_OPENAPI_PATHS = {
  '/api/v1/briefing': {
    get: {
      summary: "The governor's weekly briefing: every slide's figures for the week against the week before",
      parameters: [weekParam],
      responses: {
        200: { description: 'The briefing', content: jsonBody(ref('Briefing')) },
        400: errorReply('Invalid week (field `week` with the reason)'),
      },
    },
  },
  '/api/v1/briefing/pdf': {
    get: {
      summary: 'The briefing as a PDF: one 1920×1080 landscape page per slide, vector text',
      parameters: [weekParam],
      responses: {
        200: {
          description:
            'The PDF (Content-Disposition names it briefing-<week>.pdf; X-Briefing-Slides gives the page count)',
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
        },
        400: errorReply('Invalid week (field `week` with the reason)'),
        503: errorReply('No Chromium on the server: print the page from the browser'),
      },
    },
  },
};

export const BRIEFING_OPENAPI_SCHEMAS = {
  Briefing: {
    type: 'object',
    required: [
      'week',
      'previousWeek',
      'generatedAt',
      'headline',
      'blocks',
      'tension',
      'municipalities',
      'problems',
      'fixed',
      'votes',
      'weeks',
    ],
    properties: {
      week,
      previousWeek: week,
      generatedAt: { type: 'string', format: 'date-time' },
      headline: {
        type: 'object',
        properties: {
          received: pair,
          resolved: pair,
          newProblems: pair,
          problemsTouched: pair,
          onTime: { type: 'object', properties: { current: onTime, previous: onTime } },
          overdueAtEnd: nullablePair,
          openAtEnd: nullablePair,
          reopened: pair,
        },
      },
      blocks: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            name: { type: 'string' },
            current: { type: 'integer' },
            previous: { type: 'integer' },
            changePct: { type: ['number', 'null'] },
          },
        },
      },
      tension: {
        type: 'object',
        properties: {
          baselineWeeks: { type: 'integer' },
          points: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                kind: { enum: ['municipality', 'cell'] },
                key: { type: 'string' },
                block: { type: 'string' },
                municipality: { type: ['string', 'null'] },
                lat: { type: 'number' },
                lon: { type: 'number' },
                observed: { type: 'integer' },
                expected: { type: 'number' },
                ratio: { type: 'number' },
              },
            },
          },
        },
      },
      municipalities: {
        type: 'object',
        properties: {
          minCount: { type: 'integer' },
          lagging: { type: 'array', items: { type: 'string' } },
          improved: { type: 'array', items: { type: 'string' } },
          rows: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                oktmo: { type: 'string' },
                name: { type: 'string' },
                population: { type: 'integer' },
                received: pair,
                per10k: {
                  type: 'object',
                  properties: { current: { type: 'number' }, previous: { type: 'number' } },
                },
                rank: { type: ['integer', 'null'] },
                onTimeShare: { type: ['number', 'null'] },
                overdueAtEnd: { type: ['integer', 'null'] },
              },
            },
          },
        },
      },
      problems: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            name: { type: 'string' },
            problems: { type: 'array', items: { type: 'object' } },
          },
        },
      },
      fixed: {
        type: 'object',
        properties: {
          resolved: pair,
          withPhotos: pair,
          onTime: { type: 'object' },
          examples: { type: 'array', items: { type: 'object' } },
        },
      },
      votes: {
        type: 'object',
        properties: { count: pair, items: { type: 'array', items: { type: 'object' } } },
      },
      weeks: {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: { type: 'string' }, label: { type: 'string' }, current: { type: 'boolean' } },
        },
      },
    },
  },
};
