import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { userScopes, users } from '../../db/schema';
import { ROLE_SCOPE, type Actor, type Role } from '../domain/access';
import type { FieldError } from '../domain/field-errors';
import type { ReferenceCache } from '../reference/types';
import { recordAudit } from './audit';
import { scopeProblems } from './create-user';
import type { Revocations } from './revocations';
import { revokeCredentials } from './revoke-credentials';

export interface UserChanges {
  displayName?: string;
  /** Role and scopes are set together: a new role with its scopes, or new scopes for the current role. */
  role?: Role;
  scopes?: readonly string[];
  disabled?: boolean;
}

export interface UpdateUserDeps {
  db: Db;
  reference: ReferenceCache;
  revocations: Revocations;
}

export type UpdateUserResult =
  | { ok: true; changed: string[]; revoked: number }
  | { ok: false; status: 400 | 404 | 409; errors: FieldError[] };

const sameCodes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((code, i) => code === [...b].sort()[i]);

/**
 * Renames, re-roles, re-scopes, disables or enables a person. A change of role or scopes, or disabling,
 * revokes all of the person's credentials (sessions and personal tokens), so their live sockets drop and their
 * next request signs in again with what they may do now. An admin cannot disable or demote themself, and the
 * last active admin cannot be disabled or demoted: someone must always be able to manage the others.
 */
export async function updateUser(
  deps: UpdateUserDeps,
  by: Actor,
  userId: number,
  changes: UserChanges,
  now: Date,
  address: string | null = null,
): Promise<UpdateUserResult> {
  const { db, reference, revocations } = deps;
  const result = await db.transaction(async (tx): Promise<UpdateUserResult & { ids?: number[] }> => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!user) return { ok: false, status: 404, errors: [{ field: 'id', message: 'no such user' }] };
    const oldScopes = (
      await tx.select({ code: userScopes.code }).from(userScopes).where(eq(userScopes.userId, userId))
    ).map((r) => r.code);

    const role = changes.role ?? user.role;
    const roleChanged = role !== user.role;
    // A new role without scopes keeps none of the old role's codes: they are of another kind.
    const scopes = [...new Set(changes.scopes ?? (roleChanged ? [] : oldScopes))];
    const scopesChanged = !sameCodes(scopes, oldScopes);
    const displayName = changes.displayName?.trim();
    const nameChanged = displayName !== undefined && displayName !== user.displayName;
    const disable = changes.disabled === true && user.disabledAt === null;
    const enable = changes.disabled === false && user.disabledAt !== null;

    const problems: FieldError[] = [];
    if (displayName !== undefined && (displayName.length === 0 || displayName.length > 200))
      problems.push({ field: 'displayName', message: 'must be 1–200 characters' });
    if (roleChanged || scopesChanged) problems.push(...scopeProblems(role, scopes, reference));
    if (problems.length > 0) return { ok: false, status: 400, errors: problems };

    const demoted = user.role === 'admin' && roleChanged;
    if ((demoted || disable) && by.kind === 'user' && by.userId === userId)
      return {
        ok: false,
        status: 409,
        errors: [
          { field: demoted ? 'role' : 'disabled', message: 'an admin cannot demote or disable themself' },
        ],
      };
    if ((demoted || disable) && user.role === 'admin' && user.disabledAt === null) {
      const [other] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)))
        .limit(1);
      if (!other)
        return {
          ok: false,
          status: 409,
          errors: [
            {
              field: demoted ? 'role' : 'disabled',
              message: 'the last active admin cannot be demoted or disabled',
            },
          ],
        };
    }

    const changed = [
      ...(nameChanged ? ['displayName'] : []),
      ...(roleChanged ? ['role'] : []),
      ...(scopesChanged ? ['scopes'] : []),
      ...(disable || enable ? ['disabled'] : []),
    ];
    if (changed.length === 0) return { ok: true, changed, revoked: 0 };

    await tx
      .update(users)
      .set({
        ...(nameChanged ? { displayName } : {}),
        ...(roleChanged ? { role } : {}),
        ...(disable ? { disabledAt: now } : enable ? { disabledAt: null } : {}),
      })
      .where(eq(users.id, userId));
    if (roleChanged || scopesChanged) {
      await tx.delete(userScopes).where(eq(userScopes.userId, userId));
      const kind = ROLE_SCOPE[role];
      if (kind && scopes.length > 0)
        await tx.insert(userScopes).values(scopes.map((code) => ({ userId, kind, code })));
    }
    // Announced only after the commit: a socket must not drop for a change that then rolled back.
    const ids =
      roleChanged || scopesChanged || disable ? await revokeCredentials(tx, null, { userId }, now) : [];
    await recordAudit(tx, {
      actor: by,
      action: 'user_updated',
      target: `user:${userId}`,
      address,
      detail: {
        login: user.login,
        changed,
        ...(roleChanged ? { oldRole: user.role, newRole: role } : {}),
        ...(scopesChanged ? { oldScopes, scopes } : {}),
        ...(disable ? { disabled: true } : enable ? { disabled: false } : {}),
        ...(ids.length > 0 ? { revokedCredentials: ids.length } : {}),
      },
    });
    return { ok: true, changed, revoked: ids.length, ids };
  });
  if (!result.ok) return result;
  revocations.announce(result.ids ?? []);
  return { ok: true, changed: result.changed, revoked: result.revoked };
}
