import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { credentials } from '../../db/schema';
import type { Actor } from '../domain/access';
import { recordAudit } from './audit';
import type { Revocations } from './revocations';
import { revokeCredentials } from './revoke-credentials';

/**
 * Revokes one of the caller's own personal tokens: false when no such token of theirs exists (another
 * person's token is answered the same as a missing one). Revoking twice is harmless.
 */
export async function revokePersonalToken(
  db: Db,
  revocations: Revocations | null,
  actor: Extract<Actor, { kind: 'user' }>,
  id: number,
  now: Date,
  address: string | null,
): Promise<{ revokedAt: string } | null> {
  const [own] = await db
    .select({ id: credentials.id, revokedAt: credentials.revokedAt })
    .from(credentials)
    .where(
      and(eq(credentials.id, id), eq(credentials.userId, actor.userId), eq(credentials.kind, 'personal')),
    )
    .limit(1);
  if (!own) return null;
  if (own.revokedAt) return { revokedAt: own.revokedAt.toISOString() };
  await revokeCredentials(db, revocations, { id }, now);
  await recordAudit(db, { actor, action: 'token_revoked', target: `credential:${id}`, address });
  return { revokedAt: now.toISOString() };
}
