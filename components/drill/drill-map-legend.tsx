import { COLOR_RANGE_CSS } from '@/components/map/color-ramp';
import { usePlaybackContext } from '@/components/playback/playback-context';
import { ReplayLegend } from '@/components/playback/replay-legend';

/**
 * What the drill-down map's marks mean, on the map itself: the hexagon ramp, the amber rim of a cell with
 * overdue complaints, and the two kinds of dot. A replay draws its own marks and says so instead.
 */
export function DrillMapLegend({ replay }: { replay: boolean }) {
  const span = usePlaybackContext()?.state?.span;
  const box =
    'panel-small pointer-events-none absolute bottom-[1vh] left-[0.8vw] flex flex-col gap-[0.3vh] rounded-[0.4vh] bg-[rgb(5_7_12/0.85)] px-[0.6vw] py-[0.6vh] text-slate-200';
  if (replay && span) return <ReplayLegend className={box} />;
  return (
    <div data-testid="map-legend" className={box}>
      <span className="flex items-center gap-[0.5vw]">
        <span className="inline-block h-[1.6vh] w-[5vw] rounded-sm" style={{ background: COLOR_RANGE_CSS }} />
        открытые в шестиугольнике: мало → много
      </span>
      <span>
        <span className="text-warning">⬡</span> рамка — есть просроченные
      </span>
      <span>
        <span className="text-cyan-300">●</span> открытое · <span className="text-warning">●</span>{' '}
        просроченное
      </span>
    </div>
  );
}
