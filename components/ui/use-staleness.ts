'use client';

import { useEffect, useState } from 'react';

/**
 * The client clock, ticking. Starts at `initial` (a server time) so the server render and the first client
 * render agree; everything time-dependent on a screen (ages, overdue durations, «today») reads this one value,
 * so nothing freezes at the time the page was loaded.
 */
export function useNow(initial: number, everyMs = 1_000): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export interface Staleness {
  now: number;
  /** Milliseconds since the last update, never negative (the first one is dated by the server's clock). */
  ageMs: number;
  stale: boolean;
}

/**
 * Whether a screen still shows live data: stale when nothing (a delta, a heartbeat or a panel update) has
 * arrived for `staleAfterSeconds`. The socket may look connected while the server has stopped counting; the
 * age of the data is what the room must not misread.
 */
export function useStaleness(lastUpdateAt: number, staleAfterSeconds: number): Staleness {
  const now = useNow(lastUpdateAt);
  const ageMs = Math.max(0, now - lastUpdateAt);
  return { now, ageMs, stale: ageMs > staleAfterSeconds * 1_000 };
}
