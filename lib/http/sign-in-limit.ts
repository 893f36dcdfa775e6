import { clientKey, createRateLimit } from '../limits/rate-limit';
import { clientAddressOf } from '../server/client-address';
import { errorResponse } from './responses';

/**
 * Password and link attempts per client address, on top of the per-account lock-out: one address cannot try
 * many accounts, and each attempt costs an argon2 hash, so the limit also keeps the CPU for everyone else.
 */
const SIGN_IN_PER_MINUTE = 20;
const attempts = createRateLimit(SIGN_IN_PER_MINUTE);

/** 429 with Retry-After when this address has tried too often, else null (and the attempt is counted). */
export function signInThrottle(request: Request): Response | null {
  const decision = attempts.take(clientKey(clientAddressOf(request) ?? undefined));
  if (decision.ok) return null;
  return errorResponse(
    429,
    'rate_limited',
    `Too many sign-in attempts from this address: retry in ${decision.retryAfterSeconds} s.`,
    [{ field: 'request', message: 'not processed; over the sign-in limit of this address' }],
    { 'retry-after': String(decision.retryAfterSeconds) },
  );
}
