import { HEAT_WINDOW_HOURS, TERRITORY_WINDOW_DAYS } from '@/lib/panels/types';
import { COLOR_RANGE_CSS } from '@/components/map/color-ramp';
import { NO_DATA_CSS, type Per10kScale } from '@/components/panel/panel-colors';
import { formatPer10k } from '@/components/ui/format-panel';
import { ReplayLegend, useReplaying } from '@/components/playback/replay-legend';

export function PanelMapLegend({ per10k }: { per10k: Per10kScale }) {
  const { breaks, classCss } = per10k;
  // In a replay the map shows the replay's marks only: the choropleth's classes would describe nothing there.
  if (useReplaying()) return <ReplayLegend className="panel-small text-slate-300" />;
  return (
    <section
      className="panel-small flex-none text-slate-300"
      aria-label="Легенда карты"
      data-testid="map-legend"
    >
      <div className="flex gap-[0.6vw]">
        <div className="w-[8vw] shrink-0">
          <div className="h-[1.5vh] rounded-sm" style={{ background: NO_DATA_CSS }} />
          <div className="panel-cond h-[2.2vh] whitespace-nowrap">мало данных</div>
        </div>
        {breaks.length === 0 ? (
          <div className="flex-1">ни в одном округе пока нет 10 обращений</div>
        ) : (
          // Five equal swatches, one per fifth of the ranked municipalities, with the class bounds under them.
          <div className="min-w-0 flex-1">
            <div className="flex h-[1.5vh] overflow-hidden rounded-sm">
              {classCss.map((css) => (
                <span key={css} className="flex-1" style={{ background: css }} />
              ))}
            </div>
            <div className="relative h-[2.2vh] tabular-nums">
              {breaks.map((b, i) => (
                <span
                  key={i}
                  className="panel-cond absolute -translate-x-1/2 first:translate-x-0 last:-translate-x-full"
                  style={{ left: `${(100 * i) / (breaks.length - 1)}%` }}
                >
                  {formatPer10k(b)}
                </span>
              ))}
            </div>
          </div>
        )}
      </div>
      <div>округа: на 10 тыс. жителей за {TERRITORY_WINDOW_DAYS} дней</div>
      <div className="mt-[0.3vh] flex flex-wrap gap-x-[1vw]">
        <span>
          <span
            className="inline-block h-[1.3vh] w-[2.4vw] rounded-full align-middle"
            style={{ background: COLOR_RANGE_CSS }}
          />{' '}
          за {HEAT_WINDOW_HOURS} ч
        </span>
        <span>⬡ открытые</span>
        <span className="font-bold text-breach">▲ всплеск</span>
      </div>
    </section>
  );
}
