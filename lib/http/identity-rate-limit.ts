import type { Actor } from '../domain/access';
import { createRateLimit, type RateDecision } from '../limits/rate-limit';

/**
 * Writes per identity, besides the perimeter's per-address limit: a person or a script is limited wherever it
 * posts from, and one busy integration never spends another's allowance. Sources post whole batches (up to
 * 500 items each), so their allowance is in requests, like everyone's.
 */
export const WRITES_PER_MINUTE = { user: 240, source: 6_000 } as const;

const users = createRateLimit(WRITES_PER_MINUTE.user);
const sources = createRateLimit(WRITES_PER_MINUTE.source);

export function identityWriteLimit(actor: Actor): RateDecision {
  switch (actor.kind) {
    case 'user':
      return users.take(`user:${actor.userId}`);
    case 'source':
      return sources.take(`key:${actor.credentialId}`);
    case 'display':
      return users.take(`display:${actor.displayId}`);
    default:
      return { ok: true };
  }
}
