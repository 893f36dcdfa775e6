'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Re-renders the server side of the page every few minutes, keeping client state: for a screen whose content
 * is fetched once (the briefing), so a wall left on for weeks still rolls over to the new week.
 */
export function RefreshEvery({ minutes }: { minutes: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), minutes * 60_000);
    return () => clearInterval(timer);
  }, [router, minutes]);
  return null;
}
