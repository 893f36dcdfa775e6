import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { credentials, displays } from '../../db/schema';

/**
 * "Last used" and "last seen" are for people reading the admin pages, to the minute: writing them on every
 * request would add a write to each intake batch and wall read, so each credential is written at most once a
 * minute, in the background, and a failure to write it never fails the request.
 */
const EVERY_MS = 60_000;
const written = new WeakMap<Db, Map<number, number>>();
const MAX_TRACKED = 50_000;

export function noteCredentialUse(db: Db, credentialId: number, address: string | null, now: Date): void {
  let lastWritten = written.get(db);
  if (!lastWritten) written.set(db, (lastWritten = new Map()));
  const previous = lastWritten.get(credentialId);
  if (previous !== undefined && now.getTime() - previous < EVERY_MS) return;
  if (lastWritten.size >= MAX_TRACKED) lastWritten.clear();
  lastWritten.set(credentialId, now.getTime());
  void (async () => {
    const [row] = await db
      .update(credentials)
      .set({ lastUsedAt: now, lastAddress: address })
      .where(eq(credentials.id, credentialId))
      .returning({ displayId: credentials.displayId });
    if (row?.displayId)
      await db
        .update(displays)
        .set({ lastSeenAt: now, lastAddress: address })
        .where(eq(displays.id, row.displayId));
  })().catch(() => {
    lastWritten?.delete(credentialId);
  });
}
