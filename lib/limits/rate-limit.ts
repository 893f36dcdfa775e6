import { isIPv6 } from 'node:net';
import { ipv6Words } from '../egress/classify-address';

/**
 * Writes per client address: a token bucket in memory. A tiny one of our own rather than a library: one
 * process, one map, a refill rate and a burst are all it takes, the answer needs the exact wait for
 * Retry-After, and a fixed-window counter (what the usual libraries keep in memory) lets twice the rate
 * through around a window's edge.
 */

/** Default writes a minute per person (or display) and per source key: lib/http/identity-rate-limit.ts. */
export const IDENTITY_WRITES_PER_MINUTE = { user: 240, source: 6_000 } as const;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimit {
  take(address: string, now?: number): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Entries of addresses quiet long enough to be full again are dropped at most once a minute. */
const SWEEP_MS = 60_000;

/**
 * A bucket of `burst` tokens per key (a minute's worth by default), refilled at `perMinute` a minute: the burst,
 * then the steady rate. `perMinute` 0 turns the limit off.
 */
export function createRateLimit(perMinute: number, burst: number = perMinute): RateLimit {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  let sweptAt = 0;

  const sweep = (now: number) => {
    sweptAt = now;
    for (const [address, bucket] of buckets) {
      if (bucket.tokens + (now - bucket.at) * perMs >= burst) buckets.delete(address);
    }
  };

  return {
    take(address, now = Date.now()) {
      if (perMinute <= 0) return { ok: true };
      if (now - sweptAt > SWEEP_MS) sweep(now);
      const bucket = buckets.get(address) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
      bucket.at = now;
      buckets.set(address, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(address: string): boolean {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || plain.startsWith('127.');
}

/**
 * The key a client is counted under: its IPv4 address, or its IPv6 /64 (one subscriber's network gets a whole
 * /64, so counting single addresses would let it rotate through them).
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  if (address.startsWith('::ffff:') && address.includes('.')) return address.slice(7);
  if (!address.includes(':')) return address;
  const bare = address.split('%')[0]!;
  if (!isIPv6(bare)) return address;
  return `${ipv6Words(bare)
    .slice(0, 4)
    .map((w) => w.toString(16))
    .join(':')}::/64`;
}
