'use client';

import Link from 'next/link';
import { formatShortTime } from '@/components/ui/format';
import { formatCountRu, formatShare } from '@/lib/i18n/format-ru';
import { liveText } from '@/components/federal/format-federal';
import { overdueTone, TONE_TEXT, type ShareTone } from '@/components/federal/rate-scale';
import type { FederalRegionDetail, FederalRegionRow } from '@/lib/federal/types';

const BLOCK_ROWS = 5;
const LATEST_ROWS = 3;

function Stat({ label, value, tone = 'neutral' }: { label: string; value: string; tone?: ShareTone }) {
  return (
    <div className="min-w-0">
      <div className="truncate text-slate-400">{label}</div>
      <div className={`whitespace-nowrap text-[3.4vh] font-bold tabular-nums ${TONE_TEXT[tone]}`}>
        {value}
      </div>
    </div>
  );
}

/**
 * The clicked region: its center's state, its numbers, its blocks and newest complaints (masked). The home
 * region links to its own wall, where every complaint is on the map.
 */
export function RegionCard(props: {
  row: FederalRegionRow;
  detail: FederalRegionDetail | null;
  now: number;
  onClose: () => void;
}) {
  const { row, detail, now, onClose } = props;
  return (
    <aside
      data-testid="region-card"
      data-region={row.code}
      className="wall-small pointer-events-auto w-[31vw] rounded border border-slate-600 bg-[#0b1220]/95 p-[1.2vw] shadow-2xl"
    >
      <div className="flex items-start justify-between gap-[1vw]">
        <div>
          <h2 className="wall-title">{row.name}</h2>
          <div className="mt-[0.4vh] text-slate-300">
            {row.federalDistrict} · центр: {row.capital.name} ·{' '}
            <span data-testid="card-live" className={row.live ? 'text-slate-200' : 'text-breach'}>
              {liveText(row, now)}
            </span>
          </div>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Закрыть"
          className="wall-body rounded border border-slate-600 px-[0.8vw] py-[0.3vh] text-slate-300 hover:bg-slate-700"
        >
          ✕
        </button>
      </div>
      <div className="mt-[1.2vh] grid grid-cols-2 gap-x-[1.5vw] gap-y-[0.8vh]">
        <Stat label="Сегодня" value={formatCountRu(row.today)} />
        <Stat label="Открыто" value={formatCountRu(row.open)} />
        <Stat label="Просрочено" value={formatShare(row.overdueShare)} tone={overdueTone(row.overdueShare)} />
        <Stat label="В срок" value={formatShare(row.onTimeShare)} />
      </div>
      {detail && detail.blocks.length > 0 ? (
        <table className="mt-[1.2vh] w-full tabular-nums">
          <thead className="text-left text-slate-400">
            <tr>
              <th className="font-normal">Блок</th>
              <th className="text-right font-normal">Сегодня</th>
              <th className="text-right font-normal">7 дней</th>
              <th className="text-right font-normal">Открыто</th>
              <th className="text-right font-normal">Просроч.</th>
            </tr>
          </thead>
          <tbody>
            {detail.blocks.slice(0, BLOCK_ROWS).map((b) => (
              <tr key={b.code} className="border-t border-slate-800">
                <td className="truncate py-[0.3vh]">{b.name}</td>
                <td className="text-right">{formatCountRu(b.today)}</td>
                <td className="text-right">{formatCountRu(b.week)}</td>
                <td className="text-right">{formatCountRu(b.open)}</td>
                <td className="text-right">{formatCountRu(b.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {detail && detail.latest.length > 0 ? (
        <ul className="mt-[1.2vh] space-y-[0.6vh]" data-testid="card-latest">
          {detail.latest.slice(0, LATEST_ROWS).map((c) => (
            <li
              key={c.id}
              className="line-clamp-2 border-l-[0.35vh] border-cyan-300/40 pl-[0.6vw] text-slate-200"
            >
              <span className="tabular-nums text-slate-400">{formatShortTime(c.receivedAt)}</span> {c.excerpt}
            </li>
          ))}
        </ul>
      ) : null}
      {row.home ? (
        <Link
          href="/wall"
          data-testid="card-wall-link"
          className="wall-body mt-[1.4vh] inline-block rounded bg-cyan-700 px-[1vw] py-[0.6vh] font-semibold text-white"
        >
          Открыть стену Московской области →
        </Link>
      ) : null}
    </aside>
  );
}
