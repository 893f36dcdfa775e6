import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { credentials, users } from '../../db/schema';
import type { Actor } from '../domain/access';
import { recordAudit } from './audit';
import { consumeOneTimeLink, peekOneTimeLink } from './one-time-links';
import { hashPassword, passwordProblem } from './passwords';
import type { Revocations } from './revocations';
import { revokeCredentials } from './revoke-credentials';

export type SetPasswordResult =
  { kind: 'ok'; login: string } | { kind: 'link_invalid' } | { kind: 'invalid'; message: string };

/**
 * A person sets their password through the one-time link an admin gave them. The password is checked against
 * their login before the link is used up; afterwards their open browser sessions end (a reset means someone
 * else may have known the old one) and a lock-out is lifted.
 */
export async function setPasswordByLink(
  db: Db,
  revocations: Revocations | null,
  token: string,
  password: string,
  now: Date,
  address: string | null = null,
): Promise<SetPasswordResult> {
  const detail = await peekOneTimeLink(db, 'set_password', token, now);
  const userId = Number(detail?.userId);
  if (!detail || !Number.isInteger(userId)) return { kind: 'link_invalid' };
  const [user] = await db
    .select({ login: users.login, name: users.displayName, role: users.role })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) return { kind: 'link_invalid' };
  const problem = passwordProblem(password, user.login);
  if (problem) return { kind: 'invalid', message: problem };

  if (!(await consumeOneTimeLink(db, 'set_password', token, now))) return { kind: 'link_invalid' };
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, userId));
  const sessions = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(
      and(eq(credentials.userId, userId), eq(credentials.kind, 'session'), isNull(credentials.revokedAt)),
    );
  await revokeCredentials(db, revocations, { ids: sessions.map((s) => s.id) }, now);
  const actor: Actor = { kind: 'system', name: 'password-link' };
  await recordAudit(db, { actor, action: 'password_set', target: `user:${user.login}`, address });
  return { kind: 'ok', login: user.login };
}
