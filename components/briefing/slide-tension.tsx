import type { Briefing, BriefingIncident, BriefingIncidentStatus } from '@/lib/briefing/types';
import { COMPLAINTS, countWith, formatSince, usualRange } from '@/components/briefing/format';
import type { PluralForms } from '@/lib/i18n/plural';
import { plural } from '@/lib/i18n/plural';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { GEO_ATTRIBUTION } from '@/components/ui/attribution-line';
import { RegionSvgMap, shadeColor } from './region-svg-map';
import { SlideFrame, type SlideMeta } from './slide-frame';

/** Rows that fit beside the map with the category written out in full (up to two lines). */
export const TENSION_LIST_LIMIT = 5;
const INCIDENTS: PluralForms = ['инцидент', 'инцидента', 'инцидентов'];
const MAP_WIDTH = 880;
const MAP_HEIGHT = 700;
const LEGEND = Array.from({ length: 6 }, (_, i) => shadeColor(i / 5)).join(', ');

const STATUS_NAMES: Record<BriefingIncidentStatus, string> = {
  new: 'не принят',
  acknowledged: 'принят',
  in_work: 'в работе',
  closed: 'закрыт',
};

/** Shade by rank, not by value: a few very loaded towns would otherwise leave the rest of the map one colour. */
function shadeByRank(rows: Briefing['municipalities']['rows']): Map<string, number> {
  const loaded = rows
    .filter((r) => r.received.current > 0)
    .sort((a, b) => a.per10k.current - b.per10k.current);
  return new Map(loaded.map((r, i) => [r.oktmo, loaded.length > 1 ? i / (loaded.length - 1) : 1]));
}

/** «Котельники» or «Ильинский (Раменский)» when the town is not the municipality's name. */
export function placeOf(i: Pick<BriefingIncident, 'place' | 'municipalityName'>): string {
  return i.place === i.municipalityName ? i.place : `${i.place} (${i.municipalityName})`;
}

function IncidentRow({ i, n }: { i: BriefingIncident; n: number }) {
  return (
    <li
      data-testid="tension-incident"
      data-key={i.key}
      data-incident={i.id}
      data-complaints={i.complaints}
      className="grid grid-cols-[56px_1fr_auto] items-center gap-[18px]"
    >
      <span className="flex h-[48px] w-[48px] items-center justify-center rounded-full bg-red-600 text-[26px] font-bold">
        {n}
      </span>
      <div className="min-w-0">
        <div className="truncate text-[30px] leading-tight font-bold">{placeOf(i)}</div>
        <div className="line-clamp-2 text-[26px] leading-tight text-slate-200">{i.categoryName}</div>
        <div className="text-[24px] leading-snug text-slate-400">
          с {formatSince(i.since)} · {usualRange(i.usualLow, i.usualHigh)} · {STATUS_NAMES[i.status]}
        </div>
      </div>
      <span className="text-right whitespace-nowrap">
        <span className="block text-[44px] leading-none font-bold tabular-nums">
          {formatCountRu(i.complaints)}
        </span>
        <span className="block text-[24px] text-slate-400">{plural(i.complaints, COMPLAINTS)}</span>
      </span>
    </li>
  );
}

/**
 * Slide 3: the week's incidents (table `incidents`: a burst of one category in one municipality), on the map and
 * as a list: the place, what, how many complaints since when, and the usual level. The problems slides carry
 * the same incidents with the same numbers.
 */
export function SlideTension({ b, meta }: { b: Briefing; meta: SlideMeta }) {
  const shown = b.tension.incidents.slice(0, TENSION_LIST_LIMIT);
  const rest = b.tension.incidents.length - shown.length;
  return (
    <SlideFrame
      meta={meta}
      id="tension"
      title="Инциденты недели"
      subtitle="Всплеск одной категории в одном округе, намного выше обычного для этих часов"
    >
      <div className="grid h-full grid-cols-[880px_1fr] grid-rows-[100%] gap-[48px]">
        <div className="flex flex-col">
          <RegionSvgMap
            width={MAP_WIDTH}
            height={MAP_HEIGHT}
            shade={shadeByRank(b.municipalities.rows)}
            markers={shown.map((p, i) => ({ n: i + 1, lat: p.lat, lon: p.lon }))}
          />
          <div className="mt-auto flex items-center gap-[14px] text-[24px] text-slate-400">
            <span className="h-[24px] w-[24px] shrink-0 rounded-full bg-red-600" />
            <span>инцидент</span>
            <span className="ml-[20px]">На 10 тыс. жителей: меньше</span>
            <span
              className="h-[16px] w-[140px] rounded"
              style={{ background: `linear-gradient(to right, ${LEGEND})` }}
            />
            <span>больше</span>
          </div>
          <div data-attribution className="mt-[6px] text-[16px] text-slate-500">
            {GEO_ATTRIBUTION}
          </div>
        </div>
        <div className="min-h-0 min-w-0 overflow-hidden">
          {shown.length === 0 ? (
            <p data-testid="tension-empty" className="text-[36px] leading-snug text-slate-300">
              Инцидентов за неделю не было: ни в одном округе обращения одной категории не поднимались намного
              выше обычного уровня.
            </p>
          ) : (
            <ol className="flex flex-col gap-[24px]">
              {shown.map((i, n) => (
                <IncidentRow key={i.key} i={i} n={n + 1} />
              ))}
            </ol>
          )}
          {rest > 0 && (
            <p className="mt-[16px] text-[24px] text-slate-400">и ещё {countWith(rest, INCIDENTS)}</p>
          )}
        </div>
      </div>
    </SlideFrame>
  );
}
