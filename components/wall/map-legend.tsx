import { COLOR_RANGE_CSS } from '@/components/map/color-ramp';
import { formatCount } from '@/components/ui/format';

export function MapLegend({ maxOpen }: { maxOpen: number }) {
  return (
    <section className="wall-small text-slate-300" aria-label="Легенда карты">
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
