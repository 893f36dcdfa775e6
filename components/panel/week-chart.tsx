'use client';

import { max as d3max, scaleBand, scaleLinear } from 'd3';
import type { WeekOverWeek } from '@/lib/panels/types';
import { formatCompactRu } from '@/lib/i18n/format-ru';
import { describeWeekChange } from '@/lib/stats/week-over-week';
import { dayOfMonth, weekdayShort } from '@/components/ui/format-panel';
import { useElementSize } from './use-element-size';

/** Room above the bars for their numbers and below for the day names, in vh (text sizes are in vh too). */
const TOP_VH = 2.6;
const BOTTOM_VH = 2.8;

interface WeekChartProps {
  week: WeekOverWeek;
  /** Moscow date of the screen's ticking clock: «today» moves at midnight without a reload. */
  todayKey: string;
}

export function WeekChart({ week, todayKey }: WeekChartProps) {
  const [boxRef, { width, height }] = useElementSize<HTMLDivElement>();
  const vh = typeof window === 'undefined' ? 10.8 : window.innerHeight / 100;
  const top = TOP_VH * vh;
  const bottom = BOTTOM_VH * vh;
  const x = scaleBand<string>()
    .domain(week.days.map((d) => d.date))
    .range([0, width])
    .paddingInner(0.22)
    .paddingOuter(0.08);
  const peak = d3max(week.days, (d) => Math.max(d.thisWeek ?? 0, d.lastWeek)) ?? 0;
  const y = scaleLinear([0, Math.max(1, peak)], [Math.max(top, height - bottom), top]);
  const base = y(0);
  const band = x.bandwidth();

  return (
    <section data-testid="week-chart" data-days={week.days.length} className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-baseline justify-between gap-[1vw]">
        <h2 className="panel-heading">Неделя к неделе</h2>
        <div className="panel-small flex shrink-0 gap-[1vw] text-slate-300" aria-hidden="true">
          <span>
            <span className="inline-block h-[1.3vh] w-[1.3vh] bg-sky-400" /> эта
          </span>
          <span>
            <span className="inline-block h-[1.3vh] w-[1.3vh] border-[0.2vh] border-dashed border-slate-300" />{' '}
            прошлая
          </span>
        </div>
      </div>
      <p className="panel-text font-semibold text-slate-50" data-testid="week-headline">
        {describeWeekChange(week.thisWeekToDate, week.lastWeekToDate)}
      </p>
      <div ref={boxRef} className="relative mt-[0.4vh] min-h-0 flex-1">
        {width > 0 && height > 0 ? (
          <svg
            width={width}
            height={height}
            // Axis labels at the 24 px floor may reach a little past the plot's edge: never clipped there.
            className="absolute inset-0 overflow-visible"
            role="img"
            aria-label="Обращения по дням недели"
          >
            {week.days.map((d) => {
              const left = x(d.date) ?? 0;
              const isToday = d.date === todayKey;
              const future = d.thisWeek === null;
              const ghostTop = y(d.lastWeek);
              const barTop = d.thisWeek === null ? base : y(d.thisWeek);
              const inset = band * 0.18;
              return (
                <g
                  key={d.date}
                  data-testid="week-day"
                  data-date={d.date}
                  data-this-week={d.thisWeek ?? ''}
                  data-last-week={d.lastWeek}
                >
                  {/* Last week: a hollow ghost behind, so this week's bar reads against it. */}
                  <rect
                    x={left}
                    y={ghostTop}
                    width={band}
                    height={Math.max(0, base - ghostTop)}
                    fill="rgb(148 163 184 / 0.12)"
                    stroke="rgb(203 213 225 / 0.75)"
                    strokeWidth={Math.max(1, vh * 0.18)}
                    strokeDasharray={`${vh * 0.6} ${vh * 0.35}`}
                  />
                  {future ? null : (
                    <rect
                      x={left + inset}
                      y={barTop}
                      width={band - 2 * inset}
                      height={Math.max(0, base - barTop)}
                      fill={isToday ? '#bae6fd' : '#38bdf8'}
                    />
                  )}
                  {future ? null : (
                    <text
                      x={left + band / 2}
                      y={Math.min(barTop, ghostTop) - vh * 0.5}
                      textAnchor="middle"
                      className="fill-slate-50 font-bold tabular-nums"
                      style={{ fontSize: 'var(--t-xs)' }}
                    >
                      {formatCompactRu(d.thisWeek ?? 0)}
                    </text>
                  )}
                  <text
                    x={left + band / 2}
                    y={height - vh * 0.6}
                    textAnchor="middle"
                    className={
                      isToday ? 'fill-sky-200 font-bold' : future ? 'fill-slate-500' : 'fill-slate-300'
                    }
                    style={{ fontSize: 'var(--t-xs)' }}
                  >
                    {`${weekdayShort(d.date)} ${dayOfMonth(d.date)}`}
                  </text>
                  {/* Today is marked by a bar under its name as well as by colour. */}
                  {isToday ? (
                    <rect
                      data-testid="week-today"
                      x={left + inset}
                      y={height - vh * 0.35}
                      width={band - 2 * inset}
                      height={vh * 0.3}
                      className="fill-sky-200"
                    />
                  ) : null}
                </g>
              );
            })}
            <line x1={0} x2={width} y1={base} y2={base} stroke="rgb(148 163 184 / 0.6)" strokeWidth={1} />
          </svg>
        ) : null}
      </div>
    </section>
  );
}
