import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { credentials } from '../../db/schema';
import type { Revocations } from './revocations';

export type CredentialSelector =
  | { id: number }
  | { ids: readonly number[] }
  | { userId: number }
  | { displayId: number }
  | { secretHash: string };

function where(selector: CredentialSelector): SQL {
  if ('id' in selector) return eq(credentials.id, selector.id);
  if ('ids' in selector) return inArray(credentials.id, [...selector.ids]);
  if ('userId' in selector) return eq(credentials.userId, selector.userId);
  if ('displayId' in selector) return eq(credentials.displayId, selector.displayId);
  return eq(credentials.tokenHash, selector.secretHash);
}

/**
 * Revokes the live credentials the selector names (the rows stay, as the record of who could act) and tells
 * the live edge, which disconnects their sockets. Returns the ids revoked now.
 */
export async function revokeCredentials(
  db: Db | Tx,
  revocations: Revocations | null,
  selector: CredentialSelector,
  at: Date,
): Promise<number[]> {
  if ('ids' in selector && selector.ids.length === 0) return [];
  const rows = await db
    .update(credentials)
    .set({ revokedAt: at })
    .where(and(where(selector), isNull(credentials.revokedAt)))
    .returning({ id: credentials.id });
  const ids = rows.map((r) => r.id);
  revocations?.announce(ids);
  return ids;
}
