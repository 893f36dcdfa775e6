import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { credentials } from '../../db/schema';

export interface PersonalTokenView {
  id: number;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A person's own API tokens, newest first; the secret is never stored, so never shown again. */
export async function listPersonalTokens(db: Db, userId: number): Promise<PersonalTokenView[]> {
  const rows = await db
    .select({
      id: credentials.id,
      label: credentials.label,
      createdAt: credentials.createdAt,
      lastUsedAt: credentials.lastUsedAt,
      expiresAt: credentials.expiresAt,
      revokedAt: credentials.revokedAt,
    })
    .from(credentials)
    .where(and(eq(credentials.userId, userId), eq(credentials.kind, 'personal')))
    .orderBy(desc(credentials.id))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: iso(r.lastUsedAt),
    expiresAt: iso(r.expiresAt),
    revokedAt: iso(r.revokedAt),
  }));
}
