import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { credentials } from '../../db/schema';

/** What the admin page shows of a source key: never the key, nor its hash. */
export interface SourceKeySummary {
  id: number;
  source: string;
  region: string | null;
  label: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  lastAddress: string | null;
  revokedAt: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Every source key ever issued, live and revoked, by source and newest first. */
export async function listSourceKeys(db: Db): Promise<SourceKeySummary[]> {
  const rows = await db
    .select({
      id: credentials.id,
      source: credentials.sourceCode,
      region: credentials.regionCode,
      label: credentials.label,
      createdAt: credentials.createdAt,
      createdBy: credentials.createdBy,
      lastUsedAt: credentials.lastUsedAt,
      lastAddress: credentials.lastAddress,
      revokedAt: credentials.revokedAt,
    })
    .from(credentials)
    .where(eq(credentials.kind, 'source'))
    .orderBy(asc(credentials.sourceCode), desc(credentials.id));
  return rows.map((r) => ({
    ...r,
    source: r.source ?? '',
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: iso(r.lastUsedAt),
    revokedAt: iso(r.revokedAt),
  }));
}
