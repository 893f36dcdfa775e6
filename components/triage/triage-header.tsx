import Link from 'next/link';
import { ConnectionBadge } from '@/components/ui/connection-badge';
import { DataAge } from '@/components/ui/data-age';
import { formatDurationRu } from '@/lib/i18n/format-ru';
import type { ConnectionState } from '@/lib/realtime/client/use-wall-feed';
import { formatMoment, waitingHeadline } from '@/components/triage/triage-format';

interface Props {
  total: number;
  /** Receipt time of the longest-waiting complaint on the page, null when none waits. */
  oldestReceivedAt: string | null;
  connection: ConnectionState;
  updatedAt: number;
  ageMs: number;
  stale: boolean;
  now: number;
}

/** How many wait, how long the first has waited, and whether the list is live. Stays on top while scrolling. */
export function TriageHeader({ total, oldestReceivedAt, connection, updatedAt, ageMs, stale, now }: Props) {
  return (
    <header className="sticky top-0 z-20 border-b border-slate-800 bg-[#05070c]/95 px-10 py-5 backdrop-blur">
      <div className="flex items-end justify-between gap-8">
        <div className="min-w-0">
          <Link href="/" className="text-lg text-cyan-300 underline-offset-4 hover:underline">
            ← На главную
          </Link>
          <h1 className="mt-1 text-4xl font-bold">Очередь оператора</h1>
        </div>
        <div className="flex min-w-0 flex-1 items-end justify-end gap-10 text-right">
          <div>
            <div
              data-testid="triage-count"
              data-total={total}
              className={`text-3xl font-semibold tabular-nums ${total > 0 ? 'text-white' : 'text-emerald-300'}`}
            >
              {total > 0 ? waitingHeadline(total) : 'Очередь пуста'}
            </div>
            <div data-testid="triage-oldest" className="mt-1 text-xl text-slate-300 tabular-nums">
              {oldestReceivedAt
                ? `дольше всех ждёт ${formatDurationRu(now - Date.parse(oldestReceivedAt))} · с ${formatMoment(oldestReceivedAt, now)} МСК`
                : 'никто не ждёт'}
            </div>
          </div>
          <div className="flex flex-col items-end gap-1 text-lg">
            <ConnectionBadge state={connection} />
            <DataAge updatedAt={updatedAt} ageMs={ageMs} stale={stale} />
          </div>
        </div>
      </div>
    </header>
  );
}
