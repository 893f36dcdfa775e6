import type { RecentComplaint } from '@/lib/realtime/contract';
import { formatShortTime } from '@/components/ui/format';
import { shortened } from '@/components/panel/panel-ticker';

interface DrillLatestProps {
  recent: RecentComplaint[];
  categoryName: (code: string) => string;
  limit: number;
}

/**
 * The municipality's newest complaints, live; texts are masked excerpts rendered as text only. As many whole
 * items as the column holds: one that would not fit goes entirely, never shows cut in half.
 */
export function DrillLatest({ recent, categoryName, limit }: DrillLatestProps) {
  const items = recent.slice(0, limit);
  return (
    <section
      data-testid="drill-latest"
      data-items={items.length}
      className="flex min-h-0 flex-1 flex-col"
      aria-label="Новые обращения"
    >
      <h2 className="panel-heading">Новые обращения</h2>
      {items.length === 0 ? (
        <p className="panel-text text-slate-500">Пока не поступало</p>
      ) : (
        <ol className="whole-rows min-h-0 flex-1 gap-[0.8vh]">
          {items.map((r) => (
            // Keyed by id: a new arrival mounts a new node, which plays the arrival highlight once.
            <li
              key={r.id}
              data-testid="drill-latest-item"
              data-id={r.id}
              className="wall-ticker-item min-w-0"
            >
              <div className="panel-text panel-cond font-semibold">
                <span className="tabular-nums text-cyan-200">{formatShortTime(r.receivedAt)}</span>{' '}
                {categoryName(r.category)}
              </div>
              <p className="panel-small panel-cond mt-[0.2vh] text-slate-300">{shortened(r.excerpt, 70)}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
