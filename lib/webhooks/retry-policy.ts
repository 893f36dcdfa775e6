/** When to try a delivery again, and whether to try at all. */

export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 3_600_000;
export const JITTER = 0.2;
/** A receiver's Retry-After is honoured up to a day; beyond that it is more likely a bug than a plan. */
export const MAX_RETRY_AFTER_MS = 86_400_000;

/**
 * 30 s × 2^(attempt−1), capped at 1 h, ±20 %: the jitter spreads the retries of many deliveries that failed
 * together (a receiver back from an outage) instead of sending them all in the same second.
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(BASE_DELAY_MS * 2 ** Math.max(attempt - 1, 0), MAX_DELAY_MS);
  return Math.round(exponential * (1 + JITTER * (2 * random() - 1)));
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfterMs(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(date - now.getTime(), 0), MAX_RETRY_AFTER_MS);
}

export type AttemptVerdict = 'delivered' | 'retry' | 'refused';

/**
 * 2xx is delivered. Timeouts, network errors, 5xx, 408 and 429 are the receiver's passing trouble: try again.
 * Any other answer (4xx, or a 3xx redirect, which is not followed) means the receiver refuses this body, and
 * sending the same bytes again cannot change that.
 */
export function verdictOf(statusCode: number | null): AttemptVerdict {
  if (statusCode === null) return 'retry';
  if (statusCode >= 200 && statusCode < 300) return 'delivered';
  if (statusCode >= 500 || statusCode === 408 || statusCode === 429) return 'retry';
  return 'refused';
}

/** Retry-After is read on 429 and 503 only, where HTTP gives it the meaning "come back then". */
export function honoursRetryAfter(statusCode: number | null): boolean {
  return statusCode === 429 || statusCode === 503;
}

export interface NextState {
  status: 'pending' | 'delivered' | 'failed';
  /** When to try again; null unless still pending. */
  nextAttemptAt: Date | null;
}

/**
 * What an attempt's answer makes of its delivery. `attempt` counts this one (1 for the first try of a round);
 * the round ends as failed once `maxAttempts` tries were made, or at once on a refusal.
 */
export function planNextAttempt(
  answer: { statusCode: number | null; retryAfter: string | null },
  attempt: number,
  maxAttempts: number,
  now: Date,
  random: () => number = Math.random,
): NextState {
  const verdict = verdictOf(answer.statusCode);
  if (verdict === 'delivered') return { status: 'delivered', nextAttemptAt: null };
  if (verdict === 'refused' || attempt >= maxAttempts) return { status: 'failed', nextAttemptAt: null };
  const asked = honoursRetryAfter(answer.statusCode) ? parseRetryAfterMs(answer.retryAfter, now) : null;
  const delay = asked ?? backoffDelayMs(attempt, random);
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay) };
}
