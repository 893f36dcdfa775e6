import type { AppContext } from '../context';
import type { Actor } from '../domain/access';
import { SESSION_COOKIE } from './cookies';
import { issueCredential } from './issue-credential';
import { revokeCredentials } from './revoke-credentials';

/** Long enough for one render (its timeout is 60 s), short enough to be worthless if it leaked. */
const RENDERER_SESSION_MS = 3 * 60_000;

/**
 * The server's Chromium reads the briefing page as the person who asked for the PDF: a session of theirs that
 * lives minutes and is revoked as soon as the render is over.
 */
export async function rendererSession(
  ctx: Pick<AppContext, 'db' | 'revocations' | 'now'>,
  actor: Actor,
): Promise<{ cookie: { name: string; value: string }; release: () => Promise<void> }> {
  if (actor.kind !== 'user') throw new Error('only a person may have the briefing rendered');
  const now = ctx.now();
  const { id, secret } = await issueCredential(ctx.db, {
    kind: 'session',
    userId: actor.userId,
    label: 'Печать брифинга (PDF)',
    createdBy: 'system:pdf',
    expiresAt: new Date(now.getTime() + RENDERER_SESSION_MS),
  });
  return {
    cookie: { name: SESSION_COOKIE, value: secret },
    release: async () => void (await revokeCredentials(ctx.db, ctx.revocations, { id }, ctx.now())),
  };
}
