import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { credentials } from '../../db/schema';
import type { Actor, CredentialKind } from '../domain/access';
import { recordAudit, type AuditAction } from './audit';
import type { Revocations } from './revocations';
import { revokeCredentials } from './revoke-credentials';
import { revokeDisplay } from './revoke-display';

const AUDIT_OF: Record<CredentialKind, AuditAction> = {
  session: 'session_revoked',
  personal: 'token_revoked',
  display: 'display_revoked',
  source: 'source_key_revoked',
};

export type RevokeCredentialResult =
  { found: false } | { found: true; kind: CredentialKind; label: string; revokedNow: boolean };

/**
 * Revokes any one credential by id, whatever its kind (the operator's console: the admin CLI). A display's
 * credential unpairs its display too, so the screen returns to its pairing code instead of showing a broken
 * wall. Revoking twice changes nothing and records nothing the second time.
 */
export async function revokeCredential(
  db: Db,
  revocations: Revocations,
  by: Actor,
  id: number,
  now: Date,
): Promise<RevokeCredentialResult> {
  const [row] = await db
    .select({
      kind: credentials.kind,
      label: credentials.label,
      displayId: credentials.displayId,
      revokedAt: credentials.revokedAt,
    })
    .from(credentials)
    .where(eq(credentials.id, id))
    .limit(1);
  if (!row) return { found: false };
  if (row.revokedAt) return { found: true, kind: row.kind, label: row.label, revokedNow: false };
  if (row.kind === 'display' && row.displayId !== null)
    await revokeDisplay(db, revocations, row.displayId, now);
  else await revokeCredentials(db, revocations, { id }, now);
  await recordAudit(db, {
    actor: by,
    action: AUDIT_OF[row.kind],
    target: `credential:${id}`,
    detail: { kind: row.kind, label: row.label, ...(row.displayId ? { displayId: row.displayId } : {}) },
  });
  return { found: true, kind: row.kind, label: row.label, revokedNow: true };
}
