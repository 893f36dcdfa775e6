'use client';

import { useEffect, useState } from 'react';
import { formatCountRu, formatShare } from '@/lib/i18n/format-ru';
import { displayName, formatLastData, rankRegions } from '@/components/federal/format-federal';
import { overdueTone, TONE_TEXT } from '@/components/federal/rate-scale';
import type { FederalRegionRow } from '@/lib/federal/types';

/** Rows on one page at any resolution (the rows are viewport-relative), and how long a page stays up. */
export const ROWS_PER_PAGE = 17;
const PAGE_MS = 12_000;

interface Props {
  regions: FederalRegionRow[];
  selected: string | null;
  onSelect: (code: string) => void;
}

/**
 * All regions ranked by the overdue share of their backlog, a page at a time: an unattended wall turns the
 * pages itself, the page number shows where it is. The selected region's page is kept while it is open.
 * Six columns, so a region's whole name fits at the 24 px floor; the week's trend and the on-time share are
 * on the region's card.
 */
export function RegionTable({ regions, selected, onSelect }: Props) {
  const ranked = rankRegions(regions);
  const pages = Math.max(1, Math.ceil(ranked.length / ROWS_PER_PAGE));
  const [page, setPage] = useState(0);
  const selectedIndex = selected ? ranked.findIndex((r) => r.code === selected) : -1;
  const shown = selectedIndex >= 0 ? Math.floor(selectedIndex / ROWS_PER_PAGE) : page % pages;

  useEffect(() => {
    if (selected) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [pages, selected]);

  const rows = ranked.slice(shown * ROWS_PER_PAGE, (shown + 1) * ROWS_PER_PAGE);
  return (
    <section data-testid="region-table" className="flex min-h-0 flex-1 flex-col">
      <div className="mb-[0.8vh] flex items-baseline justify-between">
        <h2 className="wall-label text-slate-300">Регионы по просрочке</h2>
        <span data-testid="table-page" className="wall-small tabular-nums text-slate-400">
          {shown * ROWS_PER_PAGE + 1}–{Math.min(ranked.length, (shown + 1) * ROWS_PER_PAGE)} из{' '}
          {ranked.length}
        </span>
      </div>
      <table className="wall-small w-full table-fixed border-collapse tabular-nums">
        <colgroup>
          <col className="w-[2.2vw]" />
          <col />
          <col className="w-[5.6vw]" />
          <col className="w-[5.8vw]" />
          <col className="w-[5.2vw]" />
          <col className="w-[8.2vw]" />
        </colgroup>
        <thead className="text-left text-slate-400">
          <tr>
            <th className="pb-[0.6vh] font-normal">#</th>
            <th className="pb-[0.6vh] font-normal">Регион</th>
            <th className="pb-[0.6vh] pl-[0.4vw] text-right font-normal">Сегодня</th>
            <th className="pb-[0.6vh] pl-[0.4vw] text-right font-normal">Открыто</th>
            <th className="pb-[0.6vh] pl-[0.4vw] text-right font-normal">Проср.</th>
            <th className="pb-[0.6vh] pl-[0.4vw] text-right font-normal">Данные на</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const tone = overdueTone(r.overdueShare);
            return (
              <tr
                key={r.code}
                data-testid="region-row"
                data-region={r.code}
                data-today={r.today}
                onClick={() => onSelect(r.code)}
                className={`cursor-pointer border-t border-slate-800 ${r.code === selected ? 'bg-slate-700/60' : ''}`}
              >
                <td className="py-[0.45vh] text-slate-500">{shown * ROWS_PER_PAGE + i + 1}</td>
                <td data-testid="region-name" className="py-[0.45vh] pr-[0.5vw] font-semibold leading-tight">
                  {/* A silent center is a breach: red ring; a live one is neutral, nothing to look at. */}
                  <span
                    className={r.live ? 'text-slate-400' : 'text-breach'}
                    aria-label={r.live ? 'на связи' : 'нет данных'}
                  >
                    {r.live ? '●' : '◯'}
                  </span>{' '}
                  {displayName(r.shortName)}
                </td>
                <td className="py-[0.45vh] text-right">{formatCountRu(r.today)}</td>
                <td className="py-[0.45vh] text-right">{formatCountRu(r.open)}</td>
                <td
                  data-testid="region-overdue"
                  data-tone={tone}
                  className={`py-[0.45vh] text-right font-semibold ${TONE_TEXT[tone]}`}
                >
                  {formatShare(r.overdueShare)}
                </td>
                <td
                  data-testid="region-last-data"
                  className={`whitespace-nowrap py-[0.45vh] text-right ${r.live ? 'text-slate-300' : 'text-breach'}`}
                >
                  {formatLastData(r.lastDataAt)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
