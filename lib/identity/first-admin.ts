import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import type { FieldError } from '../domain/field-errors';
import type { ReferenceCache } from '../reference/types';
import { adminExists } from './admin-exists';
import { recordAudit } from './audit';
import { authenticateSecret } from './authenticate';
import { createUser, userProblems } from './create-user';
import { homePath } from './home-path';
import { consumeOneTimeLink, peekOneTimeLink } from './one-time-links';
import { startSession } from './start-session';

export interface FirstAdminInput {
  login: string;
  displayName: string;
  password: string;
}

export type FirstAdminResult =
  | { kind: 'ok'; secret: string; expiresAt: Date; home: string; login: string }
  | { kind: 'invalid'; errors: FieldError[] }
  /** The link is unknown, used or expired. */
  | { kind: 'link_invalid' }
  | { kind: 'admin_exists' };

/**
 * The first start's one-time link creates the first admin and signs them in. The fields are checked before
 * the link is used up, so a typo does not burn it; the link is then consumed in one conditional UPDATE, so two
 * browsers on one link cannot both create an admin.
 */
export async function completeFirstAdmin(
  db: Db,
  reference: ReferenceCache,
  token: string,
  input: FirstAdminInput,
  now: Date,
  address: string | null = null,
): Promise<FirstAdminResult> {
  if (!(await peekOneTimeLink(db, 'first_admin', token, now))) return { kind: 'link_invalid' };
  if (await adminExists(db)) return { kind: 'admin_exists' };
  const fields = { ...input, role: 'admin' as const, createdBy: 'first-admin-link' };
  const errors = userProblems(fields, reference);
  const login = input.login.trim().toLowerCase();
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.login, login)).limit(1);
  if (taken) errors.push({ field: 'login', message: 'is taken' });
  if (errors.length > 0) return { kind: 'invalid', errors };

  if (!(await consumeOneTimeLink(db, 'first_admin', token, now))) return { kind: 'link_invalid' };
  const created = await createUser(db, reference, fields);
  if (!created.ok) return { kind: 'invalid', errors: created.errors };

  const session = await startSession(db, { id: created.id, login }, now);
  const auth = await authenticateSecret(db, { authorization: `Bearer ${session.secret}` }, now);
  await recordAudit(db, {
    actor: auth.actor,
    action: 'first_admin_created',
    target: `user:${login}`,
    address,
  });
  return {
    kind: 'ok',
    secret: session.secret,
    expiresAt: session.expiresAt,
    home: homePath(auth.actor),
    login,
  };
}
