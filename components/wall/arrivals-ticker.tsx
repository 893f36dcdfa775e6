import type { RecentComplaint } from '@/lib/realtime/contract';
import { formatShortTime } from '@/components/ui/format';
import { categoryName, municipalityName, type WallNames } from '@/lib/reference/wall-names';

/** At most this many; fewer when long names take more lines (only whole items are shown, see .whole-rows). */
const TICKER_ITEMS = 5;

export function ArrivalsTicker({ recent, names }: { recent: RecentComplaint[]; names: WallNames }) {
  const items = recent.slice(0, TICKER_ITEMS);
  return (
    <section className="flex min-h-0 flex-1 flex-col" data-testid="arrivals-ticker">
      <h2 className="wall-label mb-[1.2vh] text-slate-300">Новые обращения</h2>
      {items.length === 0 ? (
        <p className="wall-body text-slate-500">Пока не поступало</p>
      ) : (
        <ol className="whole-rows min-h-0 flex-1 gap-y-[1.1vh]">
          {items.map((r) => (
            // Keyed by id: a new arrival mounts a new node, which plays the arrival highlight once.
            <li key={r.id} className="wall-ticker-item">
              <div className="wall-body font-semibold text-slate-50">{categoryName(names, r.category)}</div>
              <div className="wall-small mt-[0.3vh] flex justify-between gap-[1vw] text-slate-400">
                <span className="truncate">{municipalityName(names, r.municipality)}</span>
                <span className="shrink-0 tabular-nums">{formatShortTime(r.receivedAt)}</span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
