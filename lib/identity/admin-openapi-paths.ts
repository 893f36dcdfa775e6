import { requestBody } from '../openapi/from-zod';
import {
  APPROVE_DISPLAY_BODY,
  DISPLAY_CHANGES_BODY,
  DISPLAY_LINK_BODY,
  NEW_SOURCE_KEY_BODY,
  NEW_USER_BODY,
  USER_CHANGES_BODY,
} from './request-bodies';
import { AUDIT_ACTIONS } from './audit';
import { dateTime, errorReply, idParam, jsonBody, obj } from '../openapi/parts';

const str = { type: 'string' };
const anObject = jsonBody({ type: 'object' });
const query = (name: string, schema: object, description: string) => ({
  name,
  in: 'query',
  schema,
  description,
});
const ADMIN_ONLY = { 403: errorReply('Not an admin') };

/** People, source keys, displays, pairing and the audit log (merged in lib/http/openapi.ts). */
export const ADMIN_OPENAPI_PATHS = {
  '/api/v1/users': {
    get: {
      summary: 'People with their roles, scopes, lock and second-factor state and last sign-in',
      responses: { 200: { description: 'The list', content: anObject }, ...ADMIN_ONLY },
    },
    post: {
      summary: 'Create a person; without a password the answer holds a one-time set-password link',
      requestBody: requestBody(NEW_USER_BODY),
      responses: {
        201: { description: 'Created', content: anObject },
        400: errorReply('A field is not valid (named)'),
        409: errorReply('The login is taken'),
        ...ADMIN_ONLY,
      },
    },
  },
  '/api/v1/users/{id}': {
    patch: {
      summary:
        "Change a person's name, role and scopes, or disable them; a change of rights revokes their sessions",
      parameters: [idParam],
      requestBody: requestBody(USER_CHANGES_BODY),
      responses: {
        200: { description: 'Changed', content: anObject },
        404: errorReply('No such person'),
        409: errorReply('Would leave no active admin, or an admin demoting or disabling themself'),
        ...ADMIN_ONLY,
      },
    },
  },
  '/api/v1/users/{id}/password-link': {
    post: {
      summary: 'A one-time link (72 h) through which the person sets a new password',
      parameters: [idParam],
      responses: {
        201: {
          description: 'The link, shown once',
          content: jsonBody(obj({ link: str, expiresAt: dateTime })),
        },
        404: errorReply('No such person'),
        ...ADMIN_ONLY,
      },
    },
  },
  '/api/v1/source-keys': {
    get: {
      summary: 'Source keys: source, region, label, created, last use; never the key',
      responses: { 200: { description: 'The list', content: anObject }, ...ADMIN_ONLY },
    },
    post: {
      summary: 'Issue a key for one source (and optionally one region); the key is in this answer only',
      requestBody: requestBody(NEW_SOURCE_KEY_BODY),
      responses: {
        201: { description: 'Issued', content: anObject },
        400: errorReply('A field is not valid (named)'),
        ...ADMIN_ONLY,
      },
    },
  },
  '/api/v1/source-keys/{id}': {
    delete: {
      summary: 'Revoke a source key at once',
      parameters: [idParam],
      responses: { 204: { description: 'Revoked' }, 404: errorReply('No such source key'), ...ADMIN_ONLY },
    },
  },
  '/api/v1/audit': {
    get: {
      summary: 'The append-only audit log, newest first',
      parameters: [
        query('before', { type: 'integer', minimum: 1 }, 'Entries older than this id (the next page)'),
        query('actor', str, 'Exactly this actor, e.g. user:ivanov'),
        query('action', { enum: AUDIT_ACTIONS }, 'One action'),
        query('from', str, 'A Moscow date 2026-12-01 or an ISO date-time with offset'),
        query('to', str, 'A Moscow date (its whole day) or an ISO date-time with offset'),
        query('limit', { type: 'integer', minimum: 1, maximum: 200 }, 'Default 50'),
      ],
      responses: {
        200: { description: 'A page of entries', content: anObject },
        400: errorReply('A query parameter is not valid (named)'),
        403: errorReply('Not allowed to read the audit log'),
      },
    },
  },
  '/api/v1/displays': {
    get: {
      summary: 'Wall displays: waiting, paired and revoked, with screen, last seen and address',
      responses: { 200: { description: 'The list', content: anObject }, ...ADMIN_ONLY },
    },
    post: {
      summary:
        'Pair a waiting screen by the code it shows, naming it and giving it a screen of the wall layout',
      requestBody: requestBody(APPROVE_DISPLAY_BODY),
      responses: {
        201: { description: 'Approved; the screen collects its token on its next poll', content: anObject },
        400: errorReply('A field is not valid (named)'),
        404: errorReply('No screen waits with that code (or it expired)'),
        ...ADMIN_ONLY,
      },
    },
  },
  '/api/v1/displays/reload': {
    post: {
      summary: 'Every wall screen on every node reloads its page (after a deploy or a layout change)',
      responses: { 200: { description: 'Sent; this node’s screen count', content: anObject }, ...ADMIN_ONLY },
    },
  },
  '/api/v1/displays/{id}': {
    patch: {
      summary:
        'Rename a paired display or give it another screen; a moved screen reloads onto its new content',
      parameters: [idParam],
      requestBody: requestBody(DISPLAY_CHANGES_BODY),
      responses: {
        200: { description: 'Changed', content: anObject },
        400: errorReply('A field is not valid (named)'),
        404: errorReply('No such paired display'),
        ...ADMIN_ONLY,
      },
    },
    delete: {
      summary:
        'Revoke a display: its live feed is dropped at once and the screen returns to its pairing code',
      parameters: [idParam],
      responses: {
        200: { description: 'Revoked', content: anObject },
        404: errorReply('No such display'),
        ...ADMIN_ONLY,
      },
    },
  },
  '/api/v1/pairing': {
    post: {
      summary: 'A screen without identity asks for a pairing code (sets the cur_pairing cookie)',
      security: [],
      responses: {
        201: { description: 'The code to show and when it expires', content: anObject },
        429: errorReply('Too many pairing requests from this address'),
        503: errorReply('Too many screens wait to be paired'),
      },
    },
    get: {
      summary: 'The waiting screen polls; once approved it receives its display cookie and the path to show',
      security: [],
      responses: { 200: { description: 'waiting, or paired with the path', content: anObject } },
    },
  },
  '/api/v1/pairing/link': {
    post: {
      summary: 'Use a one-time display link (printed at the first start or by the CLI) to pair this browser',
      security: [],
      requestBody: requestBody(DISPLAY_LINK_BODY),
      responses: {
        200: { description: 'Paired; the display cookie is set', content: anObject },
        404: errorReply('The link is unknown, used or expired'),
        429: errorReply('Too many attempts from this address'),
      },
    },
  },
};
