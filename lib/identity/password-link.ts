import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import type { Actor } from '../domain/access';
import { recordAudit } from './audit';
import { createOneTimeLink } from './one-time-links';

/** Long enough to reach someone over a weekend; short enough that a forgotten link does not linger. */
const PASSWORD_LINK_TTL_MS = 72 * 3600_000;

export type PasswordLinkResult = { ok: true; link: string; expiresAt: string } | { ok: false; status: 404 };

/**
 * A one-time link where the person sets (or resets) their password: the way a new person without a password
 * gets one, and the way an admin helps someone who forgot theirs. Shown once to the admin, who passes it on.
 */
export async function issuePasswordLink(
  db: Db,
  by: Actor,
  userId: number,
  now: Date,
  address: string | null = null,
): Promise<PasswordLinkResult> {
  return db.transaction(async (tx): Promise<PasswordLinkResult> => {
    const [user] = await tx.select({ login: users.login }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) return { ok: false, status: 404 };
    const { token, expiresAt } = await createOneTimeLink(tx, 'set_password', PASSWORD_LINK_TTL_MS, now, {
      userId,
    });
    await recordAudit(tx, {
      actor: by,
      action: 'user_updated',
      target: `user:${userId}`,
      address,
      detail: { login: user.login, passwordLink: true },
    });
    return { ok: true, link: `/password/${token}`, expiresAt: expiresAt.toISOString() };
  });
}
