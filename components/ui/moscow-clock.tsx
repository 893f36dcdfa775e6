'use client';

import { useEffect, useState } from 'react';
import { formatDate, formatTime } from '@/components/ui/format';

/** Wall clock in Moscow time. Empty on the server render so hydration never disagrees about the second. */
export function MoscowClock() {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="text-right leading-none">
      <div className="wall-clock tabular-nums">{now === null ? '\u00a0' : formatTime(now)}</div>
      <div className="wall-small mt-[0.6vh] text-slate-400">
        {now === null ? '\u00a0' : `${formatDate(now)} · МСК`}
      </div>
    </div>
  );
}
