'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { TriageQueue } from '../../lib/triage/get-triage-queue';
import { fetchTriageQueue, TRIAGE_POLL_MS } from './triage-api';
import { afterFailedPoll, usePollInterval } from '../ui/use-poll-interval';
import type { ConnectionState } from '../../lib/realtime/client/use-wall-feed';

/**
 * The queue, polled every few seconds. `paused` holds the list still while the operator is choosing in the
 * category picker (a card must not move under the cursor); the poll resumes at once when it closes. The last
 * good queue stays on an error, with the connection state saying so.
 */
export function useTriageFeed(initial: TriageQueue, initialAt: number, paused: boolean) {
  const [queue, setQueue] = useState(initial);
  const [updatedAt, setUpdatedAt] = useState(initialAt);
  const [connection, setConnection] = useState<ConnectionState>('live');
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const inFlight = useRef(false);

  const poll = useCallback(async (signal: AbortSignal) => {
    if (pausedRef.current || inFlight.current) return;
    inFlight.current = true;
    try {
      const next = await fetchTriageQueue(signal);
      // The picker may have opened while the request was out.
      if (pausedRef.current) return;
      setQueue(next);
      setUpdatedAt(Date.now());
      setConnection('live');
    } catch {
      if (!signal.aborted) setConnection(afterFailedPoll);
    } finally {
      inFlight.current = false;
    }
  }, []);

  usePollInterval(poll, TRIAGE_POLL_MS);

  // Closing the picker catches up at once instead of waiting for the next tick.
  useEffect(() => {
    if (paused) return;
    const controller = new AbortController();
    void poll(controller.signal);
    return () => controller.abort();
  }, [paused, poll]);

  return { queue, updatedAt, connection };
}
