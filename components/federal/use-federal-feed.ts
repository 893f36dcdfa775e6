'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { afterFailedPoll, usePollInterval } from '@/components/ui/use-poll-interval';
import type { ConnectionState } from '@/lib/realtime/client/use-wall-feed';
import type { FederalOverview, FederalRegionDetail } from '../../lib/federal/types';

/** The network changes by the minute: a poll every few seconds is live enough and survives any proxy. */
export const FEDERAL_POLL_MS = 5_000;
export const FEDERAL_STALE_AFTER_SECONDS = 30;

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { cache: 'no-store', signal });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Polls the network overview, and the selected region's card while one is open. Keeps the last good data
 * on an error (the screen says the connection is lost and how old the numbers are instead of going blank).
 */
export function useFederalFeed(initial: FederalOverview, selected: string | null) {
  const [overview, setOverview] = useState(initial);
  const [detail, setDetail] = useState<FederalRegionDetail | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('live');
  const [updatedAt, setUpdatedAt] = useState(() => new Date(initial.asOf).getTime());
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  const poll = useCallback(async (signal: AbortSignal) => {
    try {
      const code = selectedRef.current;
      const [next, card] = await Promise.all([
        getJson<FederalOverview>('/api/v1/regions', signal),
        code ? getJson<FederalRegionDetail>(`/api/v1/regions/${encodeURIComponent(code)}`, signal) : null,
      ]);
      setOverview(next);
      if (selectedRef.current === code) setDetail(card);
      setUpdatedAt(Date.now());
      setConnection('live');
    } catch {
      if (!signal.aborted) setConnection(afterFailedPoll);
    }
  }, []);

  usePollInterval(poll, FEDERAL_POLL_MS);

  // A newly selected region's card loads at once rather than on the next tick.
  useEffect(() => {
    setDetail(null);
    if (!selected) return;
    const controller = new AbortController();
    void poll(controller.signal);
    return () => controller.abort();
  }, [selected, poll]);

  return { overview, detail, connection, updatedAt };
}
