import type { CSSProperties } from 'react';
import type { ConnectionState } from '@/lib/realtime/client/use-wall-feed';
import { formatDate, formatTime } from '@/components/ui/format';
import { ConnectionBadge } from '@/components/ui/connection-badge';
import { DataAge } from '@/components/ui/data-age';
import { useReplaying } from '@/components/playback/replay-legend';

interface PanelTitleProps {
  title: string;
}

export function PanelTitle({ title }: PanelTitleProps) {
  // A title wraps between words but never inside one: the longest word sets the largest size that fits.
  const longestWord = Math.max(...title.split(/\s+/).map((w) => w.length));
  return (
    <header className="flex min-w-0 flex-col justify-center" data-testid="panel-heading">
      <h1
        className="panel-title"
        data-testid="panel-title"
        style={{ '--title-chars': longestWord } as CSSProperties}
      >
        {title}
      </h1>
      <p className="panel-small mt-[0.6vh] text-slate-400">Стрелки — к тому же времени неделю назад</p>
    </header>
  );
}

interface PanelStatusProps {
  now: number;
  connection: ConnectionState;
  updatedAt: number;
  ageMs: number;
  stale: boolean;
}

/** Moscow clock, link state and data age: the three things that say whether the numbers can be trusted. */
export function PanelStatus({ now, connection, updatedAt, ageMs, stale }: PanelStatusProps) {
  // In a replay the replay's bar holds the clock; a live time beside the replayed minute would be a second clock.
  if (useReplaying())
    return (
      <div className="panel-small flex flex-col items-end justify-center" data-testid="panel-status">
        <ConnectionBadge state={connection} />
      </div>
    );
  return (
    <div
      className="flex flex-col items-end justify-center text-right leading-none"
      data-testid="panel-status"
    >
      <div className="panel-clock tabular-nums" data-testid="moscow-clock">
        {formatTime(now)}
      </div>
      <div className="panel-small panel-cond mt-[0.5vh] text-slate-400">{formatDate(now)} · МСК</div>
      <div className="panel-small panel-cond mt-[0.7vh] flex flex-col items-end gap-[0.4vh]">
        <ConnectionBadge state={connection} />
        <DataAge updatedAt={updatedAt} ageMs={ageMs} stale={stale} />
      </div>
    </div>
  );
}
