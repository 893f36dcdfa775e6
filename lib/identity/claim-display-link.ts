import type { Db } from '../../db/client';
import { displays } from '../../db/schema';
import { screenProblem } from './display-screen';
import { issueCredential } from './issue-credential';
import { consumeOneTimeLink } from './one-time-links';
import { hashSecret, newSecret } from './secrets';

export type DisplayLinkClaim =
  { ok: true; displayId: number; name: string; screen: string; secret: string } | { ok: false };

/**
 * A ready display link (made by the CLI, or printed on first start for the embedded default) opened in a
 * screen's browser: the link is used up and a paired display with its credential is made in one transaction,
 * so a link pairs one screen, and a failure leaves the link usable.
 */
export async function claimDisplayLink(db: Db, token: string, now: Date): Promise<DisplayLinkClaim> {
  return db.transaction(async (tx): Promise<DisplayLinkClaim> => {
    const detail = await consumeOneTimeLink(tx, 'display', token, now);
    if (!detail) return { ok: false };
    const screen = String(detail.screen ?? '');
    if (screenProblem(screen)) return { ok: false };
    const createdBy = typeof detail.createdBy === 'string' ? detail.createdBy : 'system:link';
    const [row] = await tx
      .insert(displays)
      .values({
        name: String(detail.name ?? '').slice(0, 100) || null,
        screen,
        // A link-paired display never waits: its claim is a random secret nobody holds.
        claimHash: hashSecret(newSecret('claim')),
        approvedAt: now,
        approvedBy: createdBy,
        pairedAt: now,
        createdAt: now,
      })
      .returning({ id: displays.id });
    const displayId = row!.id;
    const name = String(detail.name ?? '') || `Экран ${displayId}`;
    const { secret } = await issueCredential(tx, { kind: 'display', displayId, label: name, createdBy });
    return { ok: true, displayId, name, screen, secret };
  });
}
