import { z } from 'zod';
import { ROLES } from '../domain/access';
import { safeText, visibleText } from '../domain/safe-text';
import { MAX_TOKEN_DAYS } from './issue-personal-token';

// Bodies of the identity endpoints, beside the verbs that take them: the routes validate with these and the
// OpenAPI document is generated from them (tests/unit/openapi-request-shapes.test.ts holds the two together).
// Every text field refuses NUL, lone surrogates and other characters no text may hold (safeText).

const text = (max: number) => z.string({ message: 'must be a string' }).max(max).superRefine(safeText);
const scopes = z.array(text(64), { message: 'must be an array of codes' }).max(500).meta({
  description:
    'Block codes (block_lead), OKTMO codes (municipal) or executor codes (executor); none otherwise',
});

/** `POST /api/v1/session`. */
export const SIGN_IN_BODY = z.object({
  login: text(200).min(1, 'must not be empty'),
  password: text(1024).min(1, 'must not be empty'),
  totp: text(16).nullish().meta({ description: 'The six-digit code, when the account has a second factor' }),
});

/** `POST /api/v1/setup`: the first admin, through the one-time link printed at the first start. */
export const SETUP_BODY = z.object({
  token: text(200).min(1, 'must not be empty'),
  login: text(200),
  displayName: text(400),
  password: text(1024),
});

/** `POST /api/v1/password`: a new password through a one-time link. */
export const PASSWORD_BODY = z.object({ token: text(200).min(1, 'must not be empty'), password: text(1024) });

/** `PUT /api/v1/me/totp`. */
export const TOTP_CONFIRM_BODY = z.object({ code: text(16).min(1, 'must not be empty') });
/** `DELETE /api/v1/me/totp`. */
export const TOTP_DISABLE_BODY = z.object({ password: text(1024).min(1, 'must not be empty') });

/** `POST /api/v1/me/tokens`. */
export const PERSONAL_TOKEN_BODY = z.object({
  label: z.string({ message: 'must be a string' }).min(1).max(100).superRefine(visibleText),
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).nullish(),
});

/** `POST /api/v1/users`. */
export const NEW_USER_BODY = z.strictObject({
  login: text(63),
  displayName: z.string({ message: 'must be a string' }).min(1).max(200).superRefine(visibleText),
  role: z.enum(ROLES),
  scopes: scopes.optional(),
  password: text(1024)
    .optional()
    .meta({ description: 'Absent: the answer holds a one-time set-password link' }),
});

/** `PATCH /api/v1/users/{id}`. */
export const USER_CHANGES_BODY = z.strictObject({
  displayName: z.string({ message: 'must be a string' }).min(1).max(200).superRefine(visibleText).optional(),
  role: z.enum(ROLES).optional(),
  scopes: scopes.optional(),
  disabled: z.boolean().optional(),
});

/** `POST /api/v1/source-keys`. */
export const NEW_SOURCE_KEY_BODY = z.strictObject({
  source: text(64),
  region: text(8)
    .nullable()
    .optional()
    .meta({ description: 'ISO 3166-2 code (RU-MOS): the key posts for it only' }),
  label: text(200),
});

/** `POST /api/v1/displays`: pair a waiting screen by its code. */
export const APPROVE_DISPLAY_BODY = z.strictObject({ code: text(40), name: text(200), screen: text(100) });

/** `POST /api/v1/pairing/link`. */
export const DISPLAY_LINK_BODY = z.strictObject({ token: text(200).min(1, 'must not be empty') });

/** `PATCH /api/v1/displays/{id}`: rename a display or give it another screen. */
export const DISPLAY_CHANGES_BODY = z.strictObject({
  name: text(200).optional(),
  screen: text(100).optional(),
});
