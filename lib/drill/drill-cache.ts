import type { AppContext } from '../context';
import { getDrillPayload } from './get-drill-payload';
import type { DrillPayload } from './types';

/**
 * Several screens and the page's own refreshes ask for the same municipality within seconds: one count serves
 * them all for DRILL_CACHE_MS, and a count in flight is shared rather than started again.
 */
export const DRILL_CACHE_MS = 3_000;
const MAX_ENTRIES = 200;

interface Entry {
  at: number;
  payload: Promise<DrillPayload>;
}

const SLOT = Symbol.for('cur-wall.drill-cache');
type Slot = { [SLOT]?: WeakMap<object, Map<string, Entry>> };

function cacheOf(ctx: object): Map<string, Entry> {
  const holder = globalThis as Slot;
  const all = (holder[SLOT] ??= new WeakMap());
  let cache = all.get(ctx);
  if (!cache) {
    cache = new Map();
    all.set(ctx, cache);
  }
  return cache;
}

/** The drill payload, counted at most every DRILL_CACHE_MS per (app, municipality, block). */
export function getCachedDrillPayload(
  ctx: Pick<AppContext, 'db' | 'reference' | 'now'>,
  oktmo: string,
  block: string | null,
): Promise<DrillPayload> {
  const cache = cacheOf(ctx);
  const key = `${oktmo}|${block ?? '*'}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < DRILL_CACHE_MS) return hit.payload;
  if (cache.size >= MAX_ENTRIES) {
    for (const [k, e] of cache) if (now - e.at >= DRILL_CACHE_MS) cache.delete(k);
  }
  const payload = getDrillPayload(ctx, oktmo, block, ctx.now());
  cache.set(key, { at: now, payload });
  // A failed count is not kept: the next request tries again.
  payload.catch(() => cache.get(key)?.payload === payload && cache.delete(key));
  return payload;
}
