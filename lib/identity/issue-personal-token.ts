import { and, count, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { credentials } from '../../db/schema';
import type { Actor } from '../domain/access';
import { recordAudit } from './audit';
import { issueCredential } from './issue-credential';

/** Longest lifetime a person may give a token; without one it lives until revoked. */
export const MAX_TOKEN_DAYS = 365;
/** Live tokens one person may hold: enough for every script, few enough to review. */
const MAX_LIVE_TOKENS = 50;

export type IssuePersonalTokenResult =
  | { ok: true; id: number; secret: string; label: string; createdAt: string; expiresAt: string | null }
  | { ok: false; reason: 'too_many' };

/** A personal API token acts as its owner (same role and scopes) for scripts; the secret is returned once. */
export async function issuePersonalToken(
  db: Db,
  actor: Extract<Actor, { kind: 'user' }>,
  input: { label: string; expiresInDays?: number | null },
  now: Date,
  address: string | null,
): Promise<IssuePersonalTokenResult> {
  const [live] = await db
    .select({ n: count() })
    .from(credentials)
    .where(
      and(
        eq(credentials.userId, actor.userId),
        eq(credentials.kind, 'personal'),
        isNull(credentials.revokedAt),
        or(isNull(credentials.expiresAt), gt(credentials.expiresAt, now)),
      ),
    );
  if ((live?.n ?? 0) >= MAX_LIVE_TOKENS) return { ok: false, reason: 'too_many' };
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const label = input.label.trim();
  const { id, secret } = await issueCredential(db, {
    kind: 'personal',
    label,
    createdBy: `user:${actor.login}`,
    userId: actor.userId,
    expiresAt,
  });
  await recordAudit(db, {
    actor,
    action: 'token_issued',
    target: `credential:${id}`,
    address,
    detail: { label, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return {
    ok: true,
    id,
    secret,
    label,
    createdAt: now.toISOString(),
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}
