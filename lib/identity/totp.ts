import { randomBytes } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI } from '@oslojs/otp';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../domain/access';
import { recordAudit } from './audit';
import { verifyPassword } from './passwords';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS, totpStep } from './totp-code';

/** The name an authenticator app shows above the codes. */
const ISSUER = 'ЦУР МО';

type UserActor = Extract<Actor, { kind: 'user' }>;

export type BeginTotpResult = { ok: true; secret: string; uri: string } | { ok: false; reason: 'enabled' };

/**
 * Starts enrolment: a new 160-bit key waits in `totpPending` until a code from the app confirms it, so a key
 * that never reached a phone cannot lock its owner out. Enrolling again replaces a pending key.
 */
export async function beginTotp(db: Db, actor: UserActor): Promise<BeginTotpResult> {
  const [user] = await db
    .select({ enabled: users.totpEnabled })
    .from(users)
    .where(eq(users.id, actor.userId))
    .limit(1);
  if (user?.enabled) return { ok: false, reason: 'enabled' };
  const key = new Uint8Array(randomBytes(20));
  const secret = encodeBase32UpperCaseNoPadding(key);
  await db.update(users).set({ totpPending: secret }).where(eq(users.id, actor.userId));
  return {
    ok: true,
    secret,
    uri: createTOTPKeyURI(ISSUER, actor.login, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS),
  };
}

export type ConfirmTotpResult = { ok: true } | { ok: false; reason: 'no_pending' | 'invalid_code' };

/** A code from the app proves the pending key reached it: the key becomes the account's second factor. */
export async function confirmTotp(
  db: Db,
  actor: UserActor,
  code: string,
  now: Date,
  address: string | null,
): Promise<ConfirmTotpResult> {
  const [user] = await db
    .select({ pending: users.totpPending })
    .from(users)
    .where(eq(users.id, actor.userId))
    .limit(1);
  if (!user?.pending) return { ok: false, reason: 'no_pending' };
  const step = totpStep(user.pending, code, now);
  if (step === null) return { ok: false, reason: 'invalid_code' };
  await db
    .update(users)
    // The confirming code is spent: it cannot sign anyone in afterwards.
    .set({ totpSecret: user.pending, totpPending: null, totpEnabled: true, totpLastStep: step })
    .where(eq(users.id, actor.userId));
  await recordAudit(db, { actor, action: 'totp_enabled', target: `user:${actor.login}`, address });
  return { ok: true };
}

export type DisableTotpResult = { ok: true } | { ok: false; reason: 'wrong_password' | 'not_enabled' };

/** Turning the second factor off asks for the password again: a session left open must not be enough. */
export async function disableTotp(
  db: Db,
  actor: UserActor,
  password: string,
  address: string | null,
): Promise<DisableTotpResult> {
  const [user] = await db
    .select({ hash: users.passwordHash, enabled: users.totpEnabled })
    .from(users)
    .where(eq(users.id, actor.userId))
    .limit(1);
  if (!user?.hash || !(await verifyPassword(user.hash, password)))
    return { ok: false, reason: 'wrong_password' };
  if (!user.enabled) return { ok: false, reason: 'not_enabled' };
  await db
    .update(users)
    .set({ totpSecret: null, totpPending: null, totpEnabled: false })
    .where(eq(users.id, actor.userId));
  await recordAudit(db, { actor, action: 'totp_disabled', target: `user:${actor.login}`, address });
  return { ok: true };
}
