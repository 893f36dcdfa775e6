'use client';

import { useEffect, useRef, useState } from 'react';
import type { BboxComplaints, DrillPayload } from '../../lib/drill/types';
import type { DrillView } from './drill-map-setup';

/** The payload is recounted after live changes at most this often, and at least this often without any. */
export const DRILL_REFRESH_MIN_MS = 5_000;
export const DRILL_REFRESH_MAX_MS = 60_000;
/** Pan and zoom settle before the points of the new view are asked for. */
const BBOX_DEBOUNCE_MS = 250;

export function drillPayloadUrl(oktmo: string, block: string | null): string {
  return `/api/v1/municipalities/${oktmo}${block ? `?block=${encodeURIComponent(block)}` : ''}`;
}

export function bboxComplaintsUrl(oktmo: string, block: string | null, bounds: number[]): string {
  const params = new URLSearchParams({ bbox: bounds.map((n) => n.toFixed(5)).join(',') });
  if (block) params.set('block', block);
  return `/api/v1/municipalities/${oktmo}/complaints?${params}`;
}

/**
 * The drill payload, starting from the server-rendered one and fetched again when `changeKey` changes (the live
 * counts moved: something arrived, was resolved or fell overdue), at most every DRILL_REFRESH_MIN_MS, and every
 * DRILL_REFRESH_MAX_MS regardless, so sliding windows and the day's rollover show without any change.
 */
export function useDrillPayload(
  oktmo: string,
  block: string | null,
  initial: DrillPayload,
  changeKey: string,
): { payload: DrillPayload; receivedAt: number } {
  const [state, setState] = useState(() => ({ payload: initial, receivedAt: Date.parse(initial.asOf) || 0 }));
  const lastFetch = useRef(0);
  const firstKey = useRef(changeKey);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const url = drillPayloadUrl(oktmo, block);
    const fetchNow = async () => {
      lastFetch.current = Date.now();
      try {
        const res = await fetch(url, { cache: 'no-store' });
        if (!res.ok || cancelled) return;
        const payload = (await res.json()) as DrillPayload;
        if (!cancelled)
          setState((current) =>
            current.payload.asOf > payload.asOf ? current : { payload, receivedAt: Date.now() },
          );
      } catch {
        // Offline for a moment: the connection badge says so; the next change or the interval retries.
      }
    };
    // The first render's key is what the server counted with: no fetch for it.
    if (changeKey !== firstKey.current) {
      firstKey.current = '';
      const wait = Math.max(0, lastFetch.current + DRILL_REFRESH_MIN_MS - Date.now());
      timer = setTimeout(() => void fetchNow(), wait);
    }
    const interval = setInterval(() => {
      if (Date.now() - lastFetch.current >= DRILL_REFRESH_MAX_MS) void fetchNow();
    }, DRILL_REFRESH_MIN_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      clearInterval(interval);
    };
  }, [oktmo, block, changeKey]);

  return state;
}

/** Single complaints of the visible box while `enabled` (high zoom); an empty answer otherwise. */
export function useBboxComplaints(
  oktmo: string,
  block: string | null,
  view: DrillView | null,
  enabled: boolean,
  refreshKey: string,
): BboxComplaints | null {
  const [answer, setAnswer] = useState<BboxComplaints | null>(null);
  const bounds = view?.bounds.join(',') ?? '';
  useEffect(() => {
    if (!enabled || !bounds) {
      setAnswer(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(bboxComplaintsUrl(oktmo, block, bounds.split(',').map(Number)), {
        cache: 'no-store',
        signal: controller.signal,
      })
        .then((res) => (res.ok ? (res.json() as Promise<BboxComplaints>) : null))
        .then((body) => body && setAnswer(body))
        .catch(() => {});
    }, BBOX_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [oktmo, block, bounds, enabled, refreshKey]);
  return answer;
}
