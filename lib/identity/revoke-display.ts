import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { displays } from '../../db/schema';
import type { Revocations } from './revocations';
import { revokeCredentials } from './revoke-credentials';

/**
 * Unpairs a display: it stops authenticating at once (the display row first, committed on its own, so a
 * screen reconnecting the moment its socket drops is already refused), then its credentials are revoked and
 * the live edge drops its sockets. False when there is no such display or it was revoked before.
 */
export async function revokeDisplay(
  db: Db,
  revocations: Revocations | null,
  displayId: number,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(displays)
    .set({ revokedAt: now, pairingCodeHash: null })
    .where(and(eq(displays.id, displayId), isNull(displays.revokedAt)))
    .returning({ id: displays.id });
  await revokeCredentials(db, revocations, { displayId }, now);
  return rows.length > 0;
}
