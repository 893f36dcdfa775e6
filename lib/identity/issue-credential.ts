import type { Db, Tx } from '../../db/client';
import { credentials } from '../../db/schema';
import type { CredentialKind } from '../domain/access';
import { hashSecret, newSecret } from './secrets';

export interface CredentialGrant {
  kind: CredentialKind;
  label: string;
  createdBy: string;
  userId?: number;
  displayId?: number;
  sourceCode?: string;
  regionCode?: string | null;
  expiresAt?: Date | null;
}

export interface IssuedCredential {
  id: number;
  /** The secret itself: returned once, never stored. */
  secret: string;
}

/** Stores a new credential's hash and returns its secret, once. */
export async function issueCredential(db: Db | Tx, grant: CredentialGrant): Promise<IssuedCredential> {
  const secret = newSecret(grant.kind);
  const [row] = await db
    .insert(credentials)
    .values({
      tokenHash: hashSecret(secret),
      kind: grant.kind,
      label: grant.label,
      createdBy: grant.createdBy,
      userId: grant.userId ?? null,
      displayId: grant.displayId ?? null,
      sourceCode: grant.sourceCode ?? null,
      regionCode: grant.regionCode ?? null,
      expiresAt: grant.expiresAt ?? null,
    })
    .returning({ id: credentials.id });
  return { id: row!.id, secret };
}
