import { NO_DATA_COLOR, OVERDUE_BINS } from '@/components/federal/rate-scale';

/** What the colours and the dots mean, in the map's corner. */
export function FederalMapLegend({ liveMinutes }: { liveMinutes: number }) {
  return (
    <div data-testid="federal-legend" className="wall-small rounded bg-[#05070c]/85 px-[1vw] py-[1vh]">
      <div className="mb-[0.6vh] font-semibold text-slate-300">Просрочено из открытых</div>
      <div className="flex flex-wrap gap-x-[1vw] gap-y-[0.4vh]">
        {OVERDUE_BINS.map((bin) => (
          <span key={bin.label} className="flex items-center gap-[0.4vw] whitespace-nowrap">
            <span className="inline-block h-[2.2vh] w-[2.2vh] rounded-sm" style={{ background: bin.color }} />
            {bin.label}
          </span>
        ))}
        <span className="flex items-center gap-[0.4vw] whitespace-nowrap">
          <span
            className="inline-block h-[2.2vh] w-[2.2vh] rounded-sm"
            style={{ background: NO_DATA_COLOR }}
          />
          нет открытых
        </span>
      </div>
      <div className="mt-[0.8vh] flex gap-[1.5vw] text-slate-300">
        <span className="whitespace-nowrap">
          <span className="text-slate-200">●</span> центр на связи
        </span>
        <span className="whitespace-nowrap">
          <span className="text-breach">◯</span> нет данных {liveMinutes}+ мин
        </span>
      </div>
    </div>
  );
}
