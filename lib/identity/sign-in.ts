import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../domain/access';
import { recordAudit } from './audit';
import { authenticateSecret } from './authenticate';
import { homePath } from './home-path';
import { decoyHash, verifyPassword } from './passwords';
import { startSession } from './start-session';
import { totpStep } from './totp-code';

/** Failures in a row that lock an account, and for how long. */
const MAX_FAILED_LOGINS = 5;
const LOCK_MS = 15 * 60_000;

export interface SignInAttempt {
  login: string;
  password: string;
  totp?: string | null;
  address: string | null;
}

export type SignedInUser = Extract<Actor, { kind: 'user' }>;

export type SignInResult =
  | { kind: 'ok'; secret: string; expiresAt: Date; home: string; actor: SignedInUser }
  /** Unknown login, wrong password, no password set or a disabled account: one answer for all. */
  | { kind: 'invalid' }
  | { kind: 'locked'; retryAfterSeconds: number }
  /** The password was right; the account asks for its second factor too. */
  | { kind: 'totp_required' }
  | { kind: 'totp_invalid' };

const ANONYMOUS: Actor = { kind: 'anonymous' };

/** The typed login as the audit log names it: folded, bounded (people sometimes type a password there). */
const target = (login: string) => `user:${login.slice(0, 64)}`;

/**
 * A person signs in with a login and password (and a TOTP code once they enabled one). An unknown login costs
 * the same argon2 verification as a known one; a locked account answers locked before its password is looked
 * at; every outcome is audited with its reason, never with what was typed as the password.
 */
export async function signIn(db: Db, attempt: SignInAttempt, now: Date): Promise<SignInResult> {
  const login = attempt.login.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.login, login)).limit(1);
  const fail = async (reason: string, result: SignInResult = { kind: 'invalid' }) => {
    await recordAudit(db, {
      actor: ANONYMOUS,
      action: 'login_failed',
      target: target(login),
      outcome: 'failed',
      address: attempt.address,
      detail: { reason },
    });
    return result;
  };

  if (!user) {
    await verifyPassword(await decoyHash(), attempt.password);
    return fail('unknown_login');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const retryAfterSeconds = Math.max(1, Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000));
    return fail('locked', { kind: 'locked', retryAfterSeconds });
  }

  const passwordOk = await verifyPassword(user.passwordHash ?? (await decoyHash()), attempt.password);
  if (!passwordOk || !user.passwordHash) {
    return countFailure(db, user.id, user.lockedUntil, now, () =>
      fail(user.passwordHash ? 'wrong_password' : 'no_password'),
    );
  }
  if (user.disabledAt) return fail('disabled');
  if (user.totpEnabled && user.totpSecret) {
    const code = attempt.totp?.trim();
    if (!code) return fail('totp_required', { kind: 'totp_required' });
    // A wrong code counts like a wrong password: six digits must not be guessable by brute force.
    const step = totpStep(user.totpSecret, code, now);
    if (step === null)
      return countFailure(db, user.id, user.lockedUntil, now, () =>
        fail('totp_invalid', { kind: 'totp_invalid' }),
      );
    // Spend the step in one conditional UPDATE: a code seen over a shoulder or replayed by two requests at once
    // signs in once, and an older code never after a newer one.
    const [spent] = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    if (!spent)
      return countFailure(db, user.id, user.lockedUntil, now, () =>
        fail('totp_replayed', { kind: 'totp_invalid' }),
      );
  }

  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  const session = await startSession(db, user, now);
  const auth = await authenticateSecret(db, { authorization: `Bearer ${session.secret}` }, now);
  if (auth.actor.kind !== 'user') return fail('session_refused');
  await recordAudit(db, {
    actor: auth.actor,
    action: 'login',
    target: target(login),
    address: attempt.address,
    detail: { credentialId: session.credentialId },
  });
  return {
    kind: 'ok',
    secret: session.secret,
    expiresAt: session.expiresAt,
    home: homePath(auth.actor),
    actor: auth.actor,
  };
}

/**
 * One more failure in a row, counted in the database (two concurrent guesses both count); the fifth locks the
 * account (and already answers locked). After a lock ran out the count starts again from zero.
 */
async function countFailure(
  db: Db,
  userId: number,
  lockedUntil: Date | null,
  now: Date,
  fail: () => Promise<SignInResult>,
): Promise<SignInResult> {
  const expired = lockedUntil !== null && lockedUntil <= now;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: expired ? 1 : sql`${users.failedLogins} + 1`,
      lockedUntil: expired ? null : users.lockedUntil,
    })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins });
  if (row && row.failedLogins >= MAX_FAILED_LOGINS) {
    await db
      .update(users)
      .set({ lockedUntil: new Date(now.getTime() + LOCK_MS) })
      .where(eq(users.id, userId));
    await fail();
    return { kind: 'locked', retryAfterSeconds: LOCK_MS / 1000 };
  }
  return fail();
}
