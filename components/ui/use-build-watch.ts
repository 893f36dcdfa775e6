'use client';

import { useEffect } from 'react';

/** Often enough that a deploy reaches every screen within minutes; /healthz is cheap. */
const CHECK_EVERY_MS = 60_000;

/**
 * An unattended wall runs the page it loaded days ago: when the server reports another build (a deploy),
 * reload so the screens never run old code against a new server.
 */
export function useBuildWatch(buildId: string): void {
  useEffect(() => {
    const check = async () => {
      try {
        const res = await fetch('/healthz', { cache: 'no-store' });
        if (!res.ok) return;
        const body = (await res.json()) as { buildId?: unknown };
        if (typeof body.buildId === 'string' && body.buildId !== buildId) window.location.reload();
      } catch {
        // The server is down or restarting: the socket shows it; try again next time.
      }
    };
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [buildId]);
}
