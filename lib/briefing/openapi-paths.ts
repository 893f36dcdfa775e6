import { queryParameters } from '../openapi/from-zod';
import { dateTime, errorReply, jsonBody, nullable, obj, ref } from '../openapi/parts';
import { briefingQuerySchema } from './week-param';

/**
 * The briefing part of the OpenAPI document: merge `BRIEFING_OPENAPI_PATHS` into `paths` and
 * `BRIEFING_OPENAPI_SCHEMAS` into `components.schemas` of lib/http/openapi.ts.
 */

// The schema's shape does not depend on the clock it checks weeks against.
const weekParams = queryParameters(briefingQuerySchema(new Date(0)));
const I = { type: 'integer' };
const pair = obj({ current: I, previous: I });
const nullablePair = obj({ current: nullable('integer'), previous: nullable('integer') });
const onTime = {
  type: 'object',
  properties: {
    resolved: I,
    resolvedOnTime: I,
    share: nullable('number'),
  },
};
const incident = {
  type: 'object',
  properties: {
    key: { type: 'string', description: '<OKTMO>|<category>' },
    id: I,
    block: { type: 'string' },
    category: { type: 'string' },
    categoryName: { type: 'string' },
    municipality: { type: 'string' },
    municipalityName: { type: 'string' },
    place: { type: 'string' },
    lat: { type: 'number' },
    lon: { type: 'number' },
    since: dateTime,
    complaints: { ...I, description: 'complaints of the category in the municipality since the burst began' },
    usualLow: I,
    usualHigh: I,
    status: { enum: ['new', 'acknowledged', 'in_work', 'closed'] },
  },
};
const week = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    label: { type: 'string', examples: ['16–22 ноября 2026'] },
    start: dateTime,
    end: { ...dateTime, description: 'exclusive' },
    complete: { type: 'boolean' },
  },
};

export const BRIEFING_OPENAPI_PATHS = {
  '/api/v1/briefing': {
    get: {
      summary: "The governor's weekly briefing: every slide's figures for the week against the week before",
      parameters: weekParams,
      responses: {
        200: { description: 'The briefing', content: jsonBody(ref('Briefing')) },
        400: errorReply('Invalid week (field `week` with the reason)'),
      },
    },
  },
  '/api/v1/briefing/pdf': {
    get: {
      summary: 'The briefing as a PDF: one 1920×1080 landscape page per slide, vector text',
      parameters: weekParams,
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
      generatedAt: dateTime,
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
            current: I,
            previous: I,
            changePct: nullable('number'),
          },
        },
      },
      tension: {
        type: 'object',
        description:
          'The incidents (table incidents) live at some point of the week, one per municipality and category, largest first',
        properties: { incidents: { type: 'array', items: incident } },
      },
      municipalities: {
        type: 'object',
        properties: {
          minCount: I,
          lagging: { type: 'array', items: { type: 'string' } },
          improved: { type: 'array', items: { type: 'string' } },
          rows: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                oktmo: { type: 'string' },
                name: { type: 'string' },
                population: I,
                received: pair,
                per10k: {
                  type: 'object',
                  properties: { current: { type: 'number' }, previous: { type: 'number' } },
                },
                rank: nullable('integer'),
                onTimeShare: nullable('number'),
                overdueAtEnd: nullable('integer'),
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
            problems: {
              type: 'array',
              description:
                'One line per category and municipality: incidents first (carrying the incident), then the largest still open',
              items: {
                type: 'object',
                properties: {
                  key: { type: 'string' },
                  category: { type: 'string' },
                  categoryName: { type: 'string' },
                  municipality: nullable('string'),
                  municipalityName: { type: 'string' },
                  current: I,
                  previous: I,
                  open: I,
                  problems: I,
                  firstAt: dateTime,
                  incident: { oneOf: [incident, { type: 'null' }] },
                },
              },
            },
          },
        },
      },
      fixed: {
        type: 'object',
        properties: {
          resolved: pair,
          resolutions: pair,
          withPhotos: pair,
          reopened: pair,
          onTime: { type: 'object' },
          examples: { type: 'array', items: { type: 'object' } },
        },
      },
      votes: {
        type: 'object',
        properties: {
          count: pair,
          items: { type: 'array', items: { type: 'object' } },
          notEligible: {
            type: 'object',
            description: 'Matters of categories that are not vote-eligible put to a vote anyway (a breach)',
            properties: { count: I, categories: { type: 'array', items: { type: 'object' } } },
          },
        },
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
