import type { Briefing } from '@/lib/briefing/types';
import { COMPLAINTS, countWith, formatOneDecimal } from '@/components/briefing/format';
import type { PluralForms } from '@/lib/i18n/plural';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { formatTimesRu } from '@/components/ui/format-panel';
import { GEO_ATTRIBUTION } from '@/components/ui/attribution-line';
import { RegionSvgMap, shadeColor } from './region-svg-map';
import { SlideFrame, type SlideMeta } from './slide-frame';

export const TENSION_LIST_LIMIT = 6;
const POINTS: PluralForms = ['точка', 'точки', 'точек'];
const MAP_WIDTH = 880;
const MAP_HEIGHT = 710;
const LEGEND = Array.from({ length: 6 }, (_, i) => shadeColor(i / 5)).join(', ');

/** The usual level reads as a count: one decimal only where it is small. */
const usual = (n: number) => (n < 10 ? formatOneDecimal(n) : formatCountRu(Math.round(n)));

/** Shade by rank, not by value: a few very loaded towns would otherwise leave the rest of the map one colour. */
function shadeByRank(rows: Briefing['municipalities']['rows']): Map<string, number> {
  const loaded = rows
    .filter((r) => r.received.current > 0)
    .sort((a, b) => a.per10k.current - b.per10k.current);
  return new Map(loaded.map((r, i) => [r.oktmo, loaded.length > 1 ? i / (loaded.length - 1) : 1]));
}

/** Slide 3: where the week ran far above its own usual level, on the map and as a list. */
export function SlideTension({ b, meta }: { b: Briefing; meta: SlideMeta }) {
  const points = b.tension.points.slice(0, TENSION_LIST_LIMIT);
  const weeks = b.tension.baselineWeeks;
  return (
    <SlideFrame
      meta={meta}
      id="tension"
      title="Точки напряжённости недели"
      subtitle={
        weeks > 0
          ? `Всплески против обычного уровня того же места за ${weeks} ${weeks === 1 ? 'прошлую неделю' : 'прошлые недели'}`
          : 'Истории меньше недели: обычный уровень мест ещё не известен'
      }
    >
      <div className="grid h-full grid-cols-[880px_1fr] grid-rows-[100%] gap-[48px]">
        <div className="flex flex-col">
          <RegionSvgMap
            width={MAP_WIDTH}
            height={MAP_HEIGHT}
            shade={shadeByRank(b.municipalities.rows)}
            markers={points.map((p, i) => ({ n: i + 1, lat: p.lat, lon: p.lon }))}
          />
          <div className="mt-auto flex items-center gap-[14px] text-[20px] text-slate-400">
            <span>Обращений на 10 тыс. жителей: меньше</span>
            <span
              className="h-[16px] w-[180px] rounded"
              style={{ background: `linear-gradient(to right, ${LEGEND})` }}
            />
            <span>больше</span>
          </div>
          <div className="mt-[6px] text-[14px] text-slate-600">{GEO_ATTRIBUTION}</div>
        </div>
        <div className="min-h-0 min-w-0 overflow-hidden">
          {points.length === 0 ? (
            <p data-testid="tension-empty" className="text-[36px] leading-snug text-slate-300">
              Точек напряжённости нет: ни в одном месте обращения не превысили обычный уровень настолько,
              чтобы это не было случайностью.
            </p>
          ) : (
            <ol className="flex flex-col gap-[26px]">
              {points.map((p, i) => (
                <li
                  key={`${p.block}:${p.key}`}
                  data-testid="tension-point"
                  data-municipality={p.municipality ?? ''}
                  data-block={p.block}
                  className="grid grid-cols-[56px_1fr_auto] items-center gap-[16px]"
                >
                  <span className="flex h-[48px] w-[48px] items-center justify-center rounded-full bg-red-600 text-[26px] font-bold">
                    {i + 1}
                  </span>
                  <div className="min-w-0">
                    <div className="truncate text-[30px] leading-tight font-bold">
                      {p.kind === 'cell' ? `${p.municipalityName}, район` : p.municipalityName}
                    </div>
                    <div className="line-clamp-2 text-[24px] leading-snug text-slate-300">
                      <span className="text-sky-300">{p.blockName}</span> ·{' '}
                      {countWith(p.observed, COMPLAINTS)}, обычно {usual(p.expected)}
                    </div>
                  </div>
                  <span className="text-right whitespace-nowrap">
                    <span className="block text-[30px] leading-tight font-bold text-amber-300">
                      {formatTimesRu(p.ratio)}
                    </span>
                    <span className="block text-[20px] text-slate-400">выше обычного</span>
                  </span>
                </li>
              ))}
            </ol>
          )}
          {b.tension.points.length > points.length && (
            <p className="mt-[16px] text-[24px] text-slate-400">
              и ещё {countWith(b.tension.points.length - points.length, POINTS)}
            </p>
          )}
        </div>
      </div>
    </SlideFrame>
  );
}
