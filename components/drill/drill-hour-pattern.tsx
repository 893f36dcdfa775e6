import type { CSSProperties } from 'react';
import type { HourOfWeek } from '@/lib/drill/types';
import { COLOR_RANGE } from '@/components/map/color-ramp';
import { formatCountRu, withPlural } from '@/lib/i18n/format-ru';

const DAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'] as const;
const HOUR_MARKS = new Set([0, 6, 12, 18]);

function cellColor(n: number, max: number): string {
  if (n === 0 || max === 0) return 'rgb(30 41 59)';
  const c = COLOR_RANGE[Math.min(COLOR_RANGE.length - 1, Math.floor((n / max) * COLOR_RANGE.length))]!;
  return `rgb(${c[0]} ${c[1]} ${c[2]})`;
}

/** When complaints come: 7 Moscow weekdays × 24 hours over the last weeks, brighter is more. */
export function DrillHourPattern({ pattern }: { pattern: HourOfWeek }) {
  const grid = { gridTemplateColumns: `2.4em repeat(24, minmax(0, 1fr))` } as CSSProperties;
  return (
    <section
      data-testid="drill-hour-pattern"
      data-total={pattern.total}
      data-max={pattern.max}
      className="flex min-h-0 flex-1 flex-col"
    >
      <h2 className="panel-heading">
        Часы недели · {withPlural(pattern.weeks, ['неделя', 'недели', 'недель'])}, МСК
      </h2>
      <div
        className="panel-small grid min-h-0 flex-1 gap-[0.2vh]"
        style={{ ...grid, gridTemplateRows: `repeat(7, minmax(0, 1fr)) auto` }}
      >
        {pattern.counts.map((row, d) => [
          <span key={`d${d}`} className="self-center text-slate-300">
            {DAYS[d]}
          </span>,
          ...row.map((n, h) => (
            <span
              key={`${d}-${h}`}
              data-testid="hour-cell"
              data-day={d}
              data-hour={h}
              data-value={n}
              title={`${DAYS[d]} ${h}:00 — ${formatCountRu(n)}`}
              className="rounded-[0.15vh]"
              style={{ background: cellColor(n, pattern.max) }}
            />
          )),
        ])}
        <span />
        {Array.from({ length: 24 }, (_, h) => (
          // The mark sits centred on its one-hour column and may be wider than it: nothing clips it.
          <span key={`h${h}`} className="relative h-[1.3em] text-slate-400">
            <span className="absolute left-1/2 -translate-x-1/2 whitespace-nowrap">
              {HOUR_MARKS.has(h) ? h : ''}
            </span>
          </span>
        ))}
      </div>
    </section>
  );
}
