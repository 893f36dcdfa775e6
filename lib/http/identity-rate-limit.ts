import type { Actor } from '../domain/access';
import {
  createRateLimit,
  IDENTITY_WRITES_PER_MINUTE as DEFAULT_WRITES_PER_MINUTE,
  type RateDecision,
  type RateLimit,
} from '../limits/rate-limit';

/**
 * Writes per identity, besides the perimeter's per-address limit: a person or a script is limited wherever it
 * posts from, and one busy integration never spends another's allowance. Sources post whole batches (up to
 * 500 items each), so their allowance is in requests, like everyone's. RATE_LIMIT_USER_WRITES_PER_MINUTE and
 * RATE_LIMIT_SOURCE_WRITES_PER_MINUTE (validated by lib/config.ts; 0 turns one off, as the bench does).
 */
let limits: { users: RateLimit; sources: RateLimit } | undefined;

function perMinute(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isInteger(value) && value >= 0 ? value : fallback;
}

export function identityWriteLimit(actor: Actor): RateDecision {
  limits ??= {
    users: createRateLimit(perMinute('RATE_LIMIT_USER_WRITES_PER_MINUTE', DEFAULT_WRITES_PER_MINUTE.user)),
    sources: createRateLimit(
      perMinute('RATE_LIMIT_SOURCE_WRITES_PER_MINUTE', DEFAULT_WRITES_PER_MINUTE.source),
    ),
  };
  switch (actor.kind) {
    case 'user':
      return limits.users.take(`user:${actor.userId}`);
    case 'display':
      return limits.users.take(`display:${actor.displayId}`);
    case 'source':
      return limits.sources.take(`key:${actor.credentialId}`);
    default:
      return { ok: true };
  }
}
