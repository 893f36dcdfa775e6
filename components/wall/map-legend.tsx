import { COLOR_RANGE_CSS } from '@/components/map/color-ramp';
import { formatCount } from '@/components/ui/format';
import { ReplayLegend, useReplaying } from '@/components/playback/replay-legend';

/** What the region map's colours and dots mean; in a replay, what the replay draws instead. */
export function MapLegend({ maxOpen }: { maxOpen: number }) {
  if (useReplaying()) return <ReplayLegend />;
  return (
    <section className="wall-small text-slate-300" aria-label="Легенда карты" data-testid="map-legend">
      <div className="mb-[0.6vh]">Открытые обращения в шестиугольнике ≈ 36 км²</div>
      <div className="h-[1.4vh] rounded-sm" style={{ background: COLOR_RANGE_CSS }} />
      <div className="mt-[0.4vh] flex justify-between tabular-nums">
        <span>1</span>
        <span>{formatCount(Math.max(1, maxOpen))}</span>
      </div>
      <div className="mt-[1vh] flex flex-col gap-[0.4vh]">
        <span>
          <span className="text-cyan-300">●</span> новое обращение
        </span>
      </div>
    </section>
  );
}
