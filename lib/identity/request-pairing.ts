import { and, count, gt, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { displays } from '../../db/schema';
import { newPairingCode, PAIRING_TTL_MS, pairingCodeHash } from './pairing-code';
import { hashSecret, newSecret } from './secrets';

/** Anonymous screens may ask for codes: this many waiting at once is more than any wall, and bounds the table. */
export const MAX_WAITING_DISPLAYS = 50;

export type PairingRequest =
  | {
      ok: true;
      displayId: number;
      /** Six characters of the pairing alphabet, without the hyphen. */
      code: string;
      /** The waiting screen's proof that it asked (a cookie); collects the credential once approved. */
      claim: string;
      expiresAt: Date;
    }
  | { ok: false; reason: 'busy' };

const unapproved = isNull(displays.approvedAt);

/**
 * A screen without identity asks to be paired: a displays row holding the hashes of its short code and of its
 * claim. Expired requests nobody approved are deleted first, so they neither count nor pile up.
 */
export async function requestPairing(db: Db, address: string | null, now: Date): Promise<PairingRequest> {
  await db.delete(displays).where(and(unapproved, lte(displays.pairingExpiresAt, now)));
  const [waiting] = await db
    .select({ n: count() })
    .from(displays)
    .where(and(unapproved, gt(displays.pairingExpiresAt, now)));
  if ((waiting?.n ?? 0) >= MAX_WAITING_DISPLAYS) return { ok: false, reason: 'busy' };

  const claim = newSecret('claim');
  const expiresAt = new Date(now.getTime() + PAIRING_TTL_MS);
  // A clash with a waiting code is a one-in-millions chance; the unique index turns it into a retry.
  for (let attempt = 0; ; attempt += 1) {
    const code = newPairingCode();
    const [row] = await db
      .insert(displays)
      .values({
        pairingCodeHash: pairingCodeHash(code),
        claimHash: hashSecret(claim),
        pairingExpiresAt: expiresAt,
        requestAddress: address,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: displays.id });
    if (row) return { ok: true, displayId: row.id, code, claim, expiresAt };
    if (attempt >= 4) throw new Error('no free pairing code after 5 attempts');
  }
}
