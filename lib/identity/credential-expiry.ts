import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { credentials } from '../../db/schema';

/** When a credential stops working by time (a session), or null (display tokens, keys): live sockets end then. */
export async function credentialExpiresAt(db: Db, credentialId: number): Promise<Date | null> {
  const [row] = await db
    .select({ expiresAt: credentials.expiresAt })
    .from(credentials)
    .where(eq(credentials.id, credentialId))
    .limit(1);
  return row?.expiresAt ?? null;
}
