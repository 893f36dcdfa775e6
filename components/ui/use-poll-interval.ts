'use client';

import { useEffect } from 'react';
import type { ConnectionState } from '../../lib/realtime/client/use-wall-feed';

/**
 * Calls `poll` every `everyMs` while the component is mounted; the request in flight is aborted on unmount.
 * `poll` should be stable (useCallback), or the timer restarts on every render.
 */
export function usePollInterval(poll: (signal: AbortSignal) => Promise<void>, everyMs: number): void {
  useEffect(() => {
    const controller = new AbortController();
    const timer = setInterval(() => void poll(controller.signal), everyMs);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [poll, everyMs]);
}

/** A failed poll: the first one says «reconnecting», a second in a row «offline». */
export function afterFailedPoll(current: ConnectionState): ConnectionState {
  return current === 'live' ? 'reconnecting' : 'offline';
}
