import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { displays } from '../../db/schema';
import { issueCredential } from './issue-credential';
import { pairingCodeHash } from './pairing-code';
import { hashSecret } from './secrets';

export type PairingCollection =
  /** Not approved yet; `codeMatches` says whether the code the screen remembers is still this request's. */
  | { state: 'waiting'; expiresAt: Date; codeMatches: boolean }
  /** Approved now: the display credential's secret, handed out this once. */
  | { state: 'paired'; displayId: number; name: string; screen: string | null; secret: string }
  /** Unknown, expired, revoked or already collected: the screen asks for a new code. */
  | { state: 'none' };

/** A waiting screen polls every 1.5 s: ten minutes covers a screen asleep or offline for a while. */
const APPROVAL_COLLECT_MS = 10 * 60_000;

/**
 * The waiting screen polls with its claim. Once an admin approved it, the display credential is issued in the
 * same transaction that marks the request collected, so a claim yields one credential however often it polls.
 */
export async function collectPairing(
  db: Db,
  claim: string,
  code: string | null,
  now: Date,
): Promise<PairingCollection> {
  if (claim.length > 200) return { state: 'none' };
  const claimHash = hashSecret(claim);
  const [row] = await db
    .select()
    .from(displays)
    .where(and(eq(displays.claimHash, claimHash), isNull(displays.pairedAt), isNull(displays.revokedAt)))
    .limit(1);
  if (!row) return { state: 'none' };
  if (!row.approvedAt) {
    if (!row.pairingExpiresAt || row.pairingExpiresAt <= now) return { state: 'none' };
    const codeMatches = code !== null && row.pairingCodeHash === pairingCodeHash(code);
    return { state: 'waiting', expiresAt: row.pairingExpiresAt, codeMatches };
  }
  // An approval the screen never collected (it was switched off, its tab closed) does not wait for ever.
  if (now.getTime() - row.approvedAt.getTime() > APPROVAL_COLLECT_MS) return { state: 'none' };
  return db.transaction(async (tx): Promise<PairingCollection> => {
    const [taken] = await tx
      .update(displays)
      .set({ pairedAt: now })
      .where(
        and(
          eq(displays.id, row.id),
          isNotNull(displays.approvedAt),
          isNull(displays.pairedAt),
          isNull(displays.revokedAt),
        ),
      )
      .returning();
    if (!taken) return { state: 'none' };
    const name = taken.name ?? `Экран ${taken.id}`;
    const { secret } = await issueCredential(tx, {
      kind: 'display',
      displayId: taken.id,
      label: name,
      createdBy: taken.approvedBy ?? 'system',
    });
    return { state: 'paired', displayId: taken.id, name, screen: taken.screen, secret };
  });
}
