import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { oneTimeLinks } from '../../db/schema';
import type { OneTimePurpose } from '../domain/access';
import { hashSecret, newSecret } from './secrets';

export interface OneTimeLink {
  /** The secret part of the URL; shown once. */
  token: string;
  expiresAt: Date;
}

/** A link that works once before `expiresAt`; `detail` says what it grants (a screen, a user id). */
export async function createOneTimeLink(
  db: Db | Tx,
  purpose: OneTimePurpose,
  ttlMs: number,
  now: Date,
  detail: Record<string, string | number> = {},
): Promise<OneTimeLink> {
  const token = newSecret('link');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db
    .insert(oneTimeLinks)
    .values({ tokenHash: hashSecret(token), purpose, detail, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/** The live link's detail without using it up (a page shows what the link is for), or null. */
export async function peekOneTimeLink(
  db: Db | Tx,
  purpose: OneTimePurpose,
  token: string,
  now: Date,
): Promise<Record<string, string | number> | null> {
  if (token.length > 200) return null;
  const [row] = await db
    .select({ detail: oneTimeLinks.detail })
    .from(oneTimeLinks)
    .where(
      and(
        eq(oneTimeLinks.tokenHash, hashSecret(token)),
        eq(oneTimeLinks.purpose, purpose),
        isNull(oneTimeLinks.usedAt),
        gt(oneTimeLinks.expiresAt, now),
      ),
    )
    .limit(1);
  return row?.detail ?? null;
}

/**
 * Uses the link up: its detail, or null when it is unknown, used, expired or for another purpose. One UPDATE
 * with the conditions in its WHERE, so two browsers racing on one link cannot both win.
 */
export async function consumeOneTimeLink(
  db: Db | Tx,
  purpose: OneTimePurpose,
  token: string,
  now: Date,
): Promise<Record<string, string | number> | null> {
  if (token.length > 200) return null;
  const [row] = await db
    .update(oneTimeLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeLinks.tokenHash, hashSecret(token)),
        eq(oneTimeLinks.purpose, purpose),
        isNull(oneTimeLinks.usedAt),
        gt(oneTimeLinks.expiresAt, now),
      ),
    )
    .returning({ detail: oneTimeLinks.detail });
  return row?.detail ?? null;
}

/** Voids every unused link of a purpose (a new first-admin link replaces the previous one). */
export async function voidOneTimeLinks(db: Db | Tx, purpose: OneTimePurpose, now: Date): Promise<void> {
  await db
    .update(oneTimeLinks)
    .set({ usedAt: now })
    .where(and(eq(oneTimeLinks.purpose, purpose), isNull(oneTimeLinks.usedAt)));
}
