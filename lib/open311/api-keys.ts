import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiKeys } from '../../db/schema';

/** Only this digest is stored: a leaked table does not leak working keys. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new key speaking for `sourceCode`; the plain key is returned once and never stored. */
export async function issueApiKey(db: Db, sourceCode: string, label: string): Promise<string> {
  const key = randomBytes(32).toString('base64url');
  await db.insert(apiKeys).values({ keyHash: hashApiKey(key), sourceCode, label });
  return key;
}

/** The source a live key speaks for, or null for an unknown or revoked key. */
export async function verifyApiKey(db: Db, key: string): Promise<string | null> {
  if (key === '') return null;
  const [row] = await db
    .select({ sourceCode: apiKeys.sourceCode })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row?.sourceCode ?? null;
}

/** Revokes a key for good (the row stays, as a record of who could post); false when no live key matched. */
export async function revokeApiKey(db: Db, key: string, at: Date = new Date()): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .returning({ keyHash: apiKeys.keyHash });
  return rows.length > 0;
}
