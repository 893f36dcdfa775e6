import { dateTime, errorReply, idParam, int, jsonBody, nullable, obj, OKTMO, ref } from '../openapi/parts';
import { requestSchema } from '../openapi/from-zod';
import { INCIDENT_ANSWER_BODY } from './answer-body';
import { INCIDENT_STATUSES } from './types';

/** The incidents and the duty desk in the OpenAPI document (merged by lib/http/openapi.ts). */
export const INCIDENT_OPENAPI_PATHS = {
  '/api/v1/incidents': {
    get: {
      summary: 'Incidents: bursts of one category in one municipality, far above its usual level',
      description:
        'Live ones (not closed) by default, unanswered first, then by complaints. `state=all` with `from`/`to` ' +
        '(opening time, at most 93 days) lists past ones too. Scoped roles see their block or municipality.',
      parameters: [
        { name: 'block', in: 'query', schema: { type: 'string' } },
        { name: 'municipality', in: 'query', schema: OKTMO },
        { name: 'state', in: 'query', schema: { enum: ['live', 'all'], default: 'live' } },
        { name: 'from', in: 'query', schema: dateTime },
        { name: 'to', in: 'query', schema: dateTime },
      ],
      responses: {
        200: {
          description: 'The incidents',
          content: jsonBody(obj({ incidents: { type: 'array', items: ref('Incident') } })),
        },
        400: errorReply('A bad block, municipality, state or span (each field with the reason)'),
      },
    },
  },
  '/api/v1/incidents/{id}/answer': {
    post: {
      summary:
        'Answer an incident: acknowledge it (its alarm stops on every screen), take it into work, close it',
      description:
        'The person answering is stored on the incident and in the audit log. new → acknowledged | in_work | ' +
        'closed; acknowledged → in_work | closed; in_work → closed.',
      parameters: [idParam],
      requestBody: {
        required: true,
        content: jsonBody(requestSchema(INCIDENT_ANSWER_BODY)),
      },
      responses: {
        200: { description: 'The incident as it is now', content: jsonBody(ref('Incident')) },
        400: errorReply('The body is not an answer'),
        404: errorReply('No such incident (or not in your scope)'),
        409: errorReply('Its status does not allow this answer'),
      },
    },
  },
  '/api/v1/shift': {
    get: {
      summary:
        'The duty desk: arrivals and incidents since the shift began (08:00/20:00 Moscow), calls to make now',
      responses: { 200: { description: 'The shift summary', content: jsonBody({ type: 'object' }) } },
    },
  },
};

export const INCIDENT_OPENAPI_SCHEMAS = {
  Incident: obj({
    id: int,
    block: { type: 'string' },
    category: { type: 'string' },
    categoryName: { type: 'string' },
    municipality: OKTMO,
    municipalityName: { type: 'string' },
    place: { type: 'string', description: 'The town nearest the burst' },
    lat: nullable('number'),
    lon: nullable('number'),
    openedAt: { ...dateTime, description: 'Start of the first clock hour of the burst' },
    detectedAt: dateTime,
    lastAt: { ...dateTime, description: 'The last clock hour the burst was seen in' },
    complaints: { ...int, description: 'Complaints of the category in the municipality since openedAt' },
    usualLow: int,
    usualHigh: int,
    executor: nullable('string'),
    status: { enum: [...INCIDENT_STATUSES] },
    acknowledgedBy: nullable('string'),
    acknowledgedAt: nullable('string', { format: 'date-time' }),
    closedAt: nullable('string', { format: 'date-time' }),
  }),
};
