import { requestBody } from '../openapi/from-zod';
import {
  PASSWORD_BODY,
  PERSONAL_TOKEN_BODY,
  SETUP_BODY,
  SIGN_IN_BODY,
  TOTP_CONFIRM_BODY,
  TOTP_DISABLE_BODY,
} from './request-bodies';
import { dateTime, errorReply, idParam, jsonBody, nullable, obj } from '../openapi/parts';

const str = { type: 'string' };
const anObject = jsonBody({ type: 'object' });
const sessionSet = {
  'Set-Cookie': { description: '`cur_session`: HttpOnly, SameSite=Lax, Secure over HTTPS', schema: str },
};
const retryAfter = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };
const token = obj({
  id: { type: 'integer' },
  label: str,
  createdAt: dateTime,
  lastUsedAt: nullable('string', { format: 'date-time' }),
  expiresAt: nullable('string', { format: 'date-time' }),
  revokedAt: nullable('string', { format: 'date-time' }),
});

/** Sign-in, sign-out, set-up links and a person's own tokens and second factor (merged in lib/http/openapi.ts). */
export const SELF_OPENAPI_PATHS = {
  '/api/v1/session': {
    post: {
      summary: 'Sign in with login and password (and the TOTP code when the account has one)',
      security: [],
      requestBody: requestBody(SIGN_IN_BODY),
      responses: {
        200: { description: 'Signed in; the session cookie is set', headers: sessionSet, content: anObject },
        401: errorReply(
          '`invalid_credentials` (one answer for unknown login and wrong password), `totp_required`, `totp_invalid`',
        ),
        423: { ...errorReply('Locked after 5 failures in a row'), headers: retryAfter },
        429: { ...errorReply('Too many attempts from this address'), headers: retryAfter },
      },
    },
    get: {
      summary: 'Who the caller is: a person, a display or a source key',
      security: [],
      responses: { 200: { description: 'The identity', content: anObject }, 401: errorReply('Nobody') },
    },
    delete: {
      summary: 'Sign out: revoke this browser session and clear its cookie',
      responses: {
        200: { description: 'Signed out', content: anObject },
        400: errorReply('Called with a personal token, not a session'),
      },
    },
  },
  '/api/v1/setup': {
    post: {
      summary: 'Create the first admin through the one-time link printed at the first start, and sign in',
      security: [],
      requestBody: requestBody(SETUP_BODY),
      responses: {
        201: { description: 'Created and signed in', headers: sessionSet, content: anObject },
        400: errorReply('A field is not valid'),
        409: errorReply('An admin exists already'),
        410: errorReply('The link is unknown, used or expired'),
        429: { ...errorReply('Too many attempts from this address'), headers: retryAfter },
      },
    },
  },
  '/api/v1/password': {
    post: {
      summary: 'Set a password through the one-time link an admin issued',
      security: [],
      requestBody: requestBody(PASSWORD_BODY),
      responses: {
        200: { description: 'Set; the person signs in with it', content: anObject },
        400: errorReply('The password is not accepted'),
        410: errorReply('The link is unknown, used or expired'),
        429: { ...errorReply('Too many attempts from this address'), headers: retryAfter },
      },
    },
  },
  '/api/v1/me/tokens': {
    get: {
      summary: "The caller's personal API tokens (never their secrets)",
      responses: {
        200: { description: 'Tokens', content: jsonBody(obj({ tokens: { type: 'array', items: token } })) },
      },
    },
    post: {
      summary: 'Issue a personal API token acting as the caller; the secret is in this answer only',
      requestBody: requestBody(PERSONAL_TOKEN_BODY),
      responses: {
        201: { description: 'Issued, with `secret`', content: anObject },
        400: errorReply('Bad label or lifetime'),
        409: errorReply('Too many live tokens'),
      },
    },
  },
  '/api/v1/me/tokens/{id}': {
    delete: {
      summary: "Revoke one of the caller's own personal tokens",
      parameters: [idParam],
      responses: {
        200: { description: 'Revoked', content: anObject },
        404: errorReply("No such token of the caller's"),
      },
    },
  },
  '/api/v1/me/totp': {
    post: {
      summary: 'Begin TOTP enrolment: the key, its otpauth URI and a QR code (SVG)',
      responses: {
        201: { description: 'Pending until confirmed', content: anObject },
        409: errorReply('TOTP is on already'),
      },
    },
    put: {
      summary: 'Confirm enrolment with a code from the app',
      requestBody: requestBody(TOTP_CONFIRM_BODY),
      responses: {
        200: { description: 'TOTP on', content: anObject },
        400: errorReply('Wrong or expired code'),
        409: errorReply('No enrolment begun'),
      },
    },
    delete: {
      summary: 'Turn TOTP off (the password is asked again)',
      requestBody: requestBody(TOTP_DISABLE_BODY),
      responses: {
        200: { description: 'TOTP off', content: anObject },
        403: errorReply('Wrong password'),
        409: errorReply('TOTP is off already'),
      },
    },
  },
} as const;
