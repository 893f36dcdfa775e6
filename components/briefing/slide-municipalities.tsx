import type { Briefing, MunicipalityWeek } from '@/lib/briefing/types';
import {
  COMPLAINTS_OF,
  countWith,
  describeCountChange,
  formatOneDecimal,
} from '@/components/briefing/format';
import { formatShare } from '@/lib/i18n/format-ru';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { ChangeBadge } from './change-badge';
import { SlideFrame, type SlideMeta } from './slide-frame';

function Lagging({ r }: { r: MunicipalityWeek }) {
  return (
    <tr data-testid="lagging-row" data-oktmo={r.oktmo} className="border-b border-slate-800/80">
      <td className="py-[10px] pr-[16px] text-right text-[28px] text-slate-500 tabular-nums">{r.rank}</td>
      <td className="max-w-[380px] truncate py-[10px] pr-[16px] text-[32px] font-semibold">{r.name}</td>
      <td className="py-[10px] pr-[20px] text-right text-[38px] font-bold text-slate-100 tabular-nums">
        {formatOneDecimal(r.per10k.current)}
      </td>
      <td className="py-[10px] pr-[20px] text-right text-[28px] tabular-nums">
        {formatCountRu(r.received.current)}
      </td>
      <td className="py-[10px] pr-[20px] text-right text-[28px]">
        <ChangeBadge
          change={describeCountChange(r.received.current, r.received.previous)}
          goodness="up-is-bad"
        />
      </td>
      <td className="py-[10px] pr-[20px] text-right text-[28px] tabular-nums">
        {formatShare(r.onTimeShare)}
      </td>
      <td className="py-[10px] text-right text-[28px] tabular-nums">
        {r.overdueAtEnd === null ? '—' : formatCountRu(r.overdueAtEnd)}
      </td>
    </tr>
  );
}

/** Slide 4: the highest load per 10,000 residents (ranked only above a minimum count) and the biggest improvers. */
export function SlideMunicipalities({ b, meta }: { b: Briefing; meta: SlideMeta }) {
  const byOktmo = new Map(b.municipalities.rows.map((r) => [r.oktmo, r]));
  const lagging = b.municipalities.lagging.map((o) => byOktmo.get(o)!).filter(Boolean);
  const improved = b.municipalities.improved.map((o) => byOktmo.get(o)!).filter(Boolean);
  const rankedCount = b.municipalities.rows.filter((r) => r.rank !== null).length;
  return (
    <SlideFrame
      meta={meta}
      id="municipalities"
      title="Округа: где нагрузка выше всего"
      subtitle={`Обращений на 10 тыс. жителей; в рейтинге — округа от ${countWith(b.municipalities.minCount, COMPLAINTS_OF)} за неделю (${rankedCount} из ${b.municipalities.rows.length})`}
    >
      <div className="grid h-full grid-cols-[1.55fr_1fr] gap-[48px]">
        <table className="self-start">
          <thead>
            <tr className="text-left text-[24px] text-slate-400">
              <th className="pb-[10px] pr-[16px] text-right font-normal">№</th>
              <th className="pb-[10px] pr-[16px] font-normal">Округ</th>
              <th className="pb-[10px] pr-[20px] text-right font-normal">на 10 тыс.</th>
              <th className="pb-[10px] pr-[20px] text-right font-normal">обращений</th>
              <th className="pb-[10px] pr-[20px] text-right font-normal">к пред. неделе</th>
              <th className="pb-[10px] pr-[20px] text-right font-normal">в срок</th>
              <th className="pb-[10px] text-right font-normal">
                {b.week.complete ? 'просрочено на конец' : 'просрочено сейчас'}
              </th>
            </tr>
          </thead>
          <tbody>
            {lagging.map((r) => (
              <Lagging key={r.oktmo} r={r} />
            ))}
          </tbody>
        </table>
        <div className="flex flex-col rounded-[20px] border border-slate-800 bg-slate-900/60 px-[36px] py-[28px]">
          <h2 className="mb-[20px] text-[36px] font-bold text-slate-100">Улучшили показатели</h2>
          {improved.length === 0 ? (
            <p className="text-[30px] leading-snug text-slate-300">
              Ни один округ с достаточным числом обращений не снизил нагрузку.
            </p>
          ) : (
            <ol className="flex flex-col gap-[22px]">
              {improved.map((r) => (
                <li key={r.oktmo} data-testid="improved-row" data-oktmo={r.oktmo}>
                  <div className="flex items-baseline justify-between gap-[16px]">
                    <span className="truncate text-[32px] font-semibold">{r.name}</span>
                    <span className="text-[34px]">
                      <ChangeBadge
                        change={describeCountChange(r.received.current, r.received.previous)}
                        goodness="up-is-bad"
                      />
                    </span>
                  </div>
                  <div className="text-[24px] text-slate-400 tabular-nums">
                    {formatOneDecimal(r.per10k.previous)} → {formatOneDecimal(r.per10k.current)} на 10 тыс.
                    жителей · {formatCountRu(r.received.previous)} → {formatCountRu(r.received.current)}
                  </div>
                </li>
              ))}
            </ol>
          )}
          <p className="mt-auto pt-[20px] text-[24px] leading-snug text-slate-400">
            Снижение — по отношению к прошлой неделе, у округов с {formatCountRu(b.municipalities.minCount)} и
            больше обращений в обе недели.
          </p>
        </div>
      </div>
    </SlideFrame>
  );
}
