import type { Incident, RecentComplaint } from '@/lib/realtime/contract';
import { formatShortTime } from '@/components/ui/format';
import { categoryName, municipalityName, type WallNames } from '@/lib/reference/wall-names';
import { groupArrivals } from './group-arrivals';
import { incidentHeadline, incidentVolume } from './format-incident';
import './incidents.css';

interface IncidentTickerProps {
  recent: RecentComplaint[];
  incidents: Incident[] | null;
  names: WallNames;
  /** Rows that fit the column. */
  rows: number;
  now: number;
}

/**
 * «Новые обращения», grouped: an incident's arrivals are one row with its volume against the usual, repeats of
 * one place and category one row with their count; single complaints as they come.
 */
export function IncidentTicker({ recent, incidents, names, rows, now }: IncidentTickerProps) {
  const items = groupArrivals(recent, incidents ?? [], rows);
  return (
    <section className="flex h-full min-h-0 flex-col" data-testid="arrivals-ticker">
      <h2 className="wall-label mb-[1.2vh] text-slate-300">Новые обращения</h2>
      {items.length === 0 ? (
        <p className="wall-body text-slate-500">Пока не поступало</p>
      ) : (
        // Rows that do not fit whole wrap into a second column pushed out of the box: none shows cut in half.
        <ol className="flex min-h-0 flex-1 flex-col flex-wrap content-start gap-x-[100vw] gap-y-[1.1vh] overflow-hidden">
          {items.map((row) =>
            row.kind === 'incident' ? (
              <li
                key={row.key}
                className="wall-ticker-item incident-row w-full"
                data-status={row.incident.status}
              >
                <div className="wall-body font-semibold text-slate-50">{incidentHeadline(row.incident)}</div>
                <div className="wall-small mt-[0.3vh] flex justify-between gap-[1vw] text-slate-300">
                  <span className="tabular-nums">{incidentVolume(row.incident, now)}</span>
                  <span className="shrink-0 tabular-nums">{formatShortTime(row.latestAt)}</span>
                </div>
              </li>
            ) : (
              // Keyed by the first arrival's id: a new arrival mounts a new node, which plays the highlight once.
              <li key={row.key} className="wall-ticker-item w-full">
                <div className="wall-body font-semibold text-slate-50">
                  {categoryName(names, row.category)}
                  {row.count > 1 ? <span className="font-normal text-slate-300"> × {row.count}</span> : null}
                </div>
                <div className="wall-small mt-[0.3vh] flex justify-between gap-[1vw] text-slate-400">
                  <span className="truncate">{municipalityName(names, row.municipality)}</span>
                  <span className="shrink-0 tabular-nums">{formatShortTime(row.latestAt)}</span>
                </div>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
