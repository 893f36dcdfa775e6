import { asc, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { credentials, userScopes, users } from '../../db/schema';
import type { Role } from '../domain/access';

export interface UserSummary {
  id: number;
  login: string;
  name: string;
  role: Role;
  /** Codes of the role's scope kind (blocks, OKTMOs or executor codes); [] for unscoped roles. */
  scopes: string[];
  disabled: boolean;
  /** Locked out after repeated failed sign-ins, until the lock runs out. */
  locked: boolean;
  totpEnabled: boolean;
  createdAt: string;
  /** The latest use (or start) of any of the person's browser sessions; null when never signed in. */
  lastSignInAt: string | null;
}

/** Every person, by login, with what the admin page shows of them (never a hash or a secret). */
export async function listUsers(db: Db, now: Date): Promise<UserSummary[]> {
  const lastSession = db
    .select({
      userId: credentials.userId,
      at: max(sql<Date>`coalesce(${credentials.lastUsedAt}, ${credentials.createdAt})`).as('at'),
    })
    .from(credentials)
    .where(eq(credentials.kind, 'session'))
    .groupBy(credentials.userId)
    .as('last_session');
  const [rows, scopes] = await Promise.all([
    db
      .select({
        id: users.id,
        login: users.login,
        name: users.displayName,
        role: users.role,
        disabledAt: users.disabledAt,
        lockedUntil: users.lockedUntil,
        totpEnabled: users.totpEnabled,
        createdAt: users.createdAt,
        lastSignInAt: lastSession.at,
      })
      .from(users)
      .leftJoin(lastSession, eq(lastSession.userId, users.id))
      .orderBy(asc(users.login)),
    db
      .select({ userId: userScopes.userId, code: userScopes.code })
      .from(userScopes)
      .orderBy(asc(userScopes.code)),
  ]);
  const codesOf = new Map<number, string[]>();
  for (const s of scopes) {
    const list = codesOf.get(s.userId) ?? [];
    list.push(s.code);
    codesOf.set(s.userId, list);
  }
  return rows.map((r) => ({
    id: r.id,
    login: r.login,
    name: r.name,
    role: r.role,
    scopes: codesOf.get(r.id) ?? [],
    disabled: r.disabledAt !== null,
    locked: r.lockedUntil !== null && r.lockedUntil > now,
    totpEnabled: r.totpEnabled,
    createdAt: r.createdAt.toISOString(),
    lastSignInAt: r.lastSignInAt ? new Date(r.lastSignInAt).toISOString() : null,
  }));
}
