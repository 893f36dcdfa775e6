import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { credentials } from '../../db/schema';
import type { Actor } from '../domain/access';
import { recordAudit } from './audit';
import type { Revocations } from './revocations';
import { revokeCredentials } from './revoke-credentials';

/**
 * Revokes one source key for good (the row stays, as the record of who could post). False when no source key
 * has that id, so a person's or a display's credential cannot be revoked through this door. Revoking a key
 * that is already revoked changes nothing and records nothing.
 */
export async function revokeSourceKey(
  db: Db,
  revocations: Revocations,
  by: Actor,
  id: number,
  now: Date,
  address: string | null = null,
): Promise<boolean> {
  const revoked = await db.transaction(async (tx) => {
    const [key] = await tx
      .select({ source: credentials.sourceCode, label: credentials.label })
      .from(credentials)
      .where(and(eq(credentials.id, id), eq(credentials.kind, 'source')))
      .limit(1);
    if (!key) return null;
    const ids = await revokeCredentials(tx, null, { id }, now);
    if (ids.length > 0)
      await recordAudit(tx, {
        actor: by,
        action: 'source_key_revoked',
        target: `source:${key.source}`,
        address,
        detail: { keyId: id, source: key.source, label: key.label },
      });
    return ids;
  });
  if (revoked === null) return false;
  revocations.announce(revoked);
  return true;
}
