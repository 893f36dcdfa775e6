'use client';

import { line, max as d3max, scaleLinear } from 'd3';
import type { MunicipalityTrend } from '@/lib/drill/types';
import { formatPer10k, formatTimesRu, dayOfMonth } from '@/components/ui/format-panel';
import { useElementSize } from '@/components/panel/use-element-size';

/** Room for the axis captions, in vh like the text. */
const LEFT_VH = 4.2;
const BOTTOM_VH = 2.6;
const TOP_VH = 1;

function verdict(trend: MunicipalityTrend): { text: string; worse: boolean | null } {
  if (trend.ratio === null || trend.per10k === 0) return { text: 'нет данных для сравнения', worse: null };
  if (Math.abs(trend.ratio - 1) < 0.1) return { text: 'на уровне области', worse: null };
  return trend.ratio > 1
    ? { text: `${formatTimesRu(trend.ratio)} выше среднего по области`, worse: true }
    : { text: `${formatTimesRu(1 / trend.ratio)} ниже среднего по области`, worse: false };
}

/** Daily complaints per 10,000 residents over 30 days: the municipality (solid) against the region (dashed). */
export function DrillTrend({ trend }: { trend: MunicipalityTrend }) {
  const [boxRef, { width, height }] = useElementSize<HTMLDivElement>();
  const vh = typeof window === 'undefined' ? 10.8 : window.innerHeight / 100;
  const left = LEFT_VH * vh;
  const bottom = BOTTOM_VH * vh;
  const top = TOP_VH * vh;
  const n = trend.days.length;
  const x = scaleLinear([0, Math.max(1, n - 1)], [left, Math.max(left, width - vh)]);
  const peak = d3max(trend.days, (d) => Math.max(d.per10k, d.regionPer10k)) ?? 0;
  const y = scaleLinear([0, peak > 0 ? peak * 1.1 : 1], [Math.max(top, height - bottom), top]).nice(3);
  const own = line<number>((v, i) => x(i), y)(trend.days.map((d) => d.per10k)) ?? '';
  const region = line<number>((v, i) => x(i), y)(trend.days.map((d) => d.regionPer10k)) ?? '';
  const v = verdict(trend);
  return (
    <section
      data-testid="drill-trend"
      data-days={n}
      data-per10k={trend.per10k.toFixed(3)}
      data-region-per10k={trend.regionPer10k.toFixed(3)}
      className="flex min-h-0 flex-1 flex-col"
    >
      <h2 className="panel-heading">На 10 тыс. жителей в день · {n} дней</h2>
      <p className="panel-text">
        <span className="font-bold text-cyan-300">округ {formatPer10k(trend.per10k)}</span>
        <span className="text-slate-400"> · </span>
        <span className="text-slate-300">область {formatPer10k(trend.regionPer10k)}</span>
        <span className="text-slate-400"> за {n} дн. · </span>
        <span
          className={
            v.worse === true
              ? 'font-bold text-slate-50'
              : v.worse === false
                ? 'text-slate-300'
                : 'text-slate-300'
          }
        >
          {v.worse === true ? '▲ ' : v.worse === false ? '▼ ' : ''}
          {v.text}
        </span>
      </p>
      <div ref={boxRef} className="relative mt-[0.4vh] min-h-0 flex-1">
        {width > 0 && height > 0 ? (
          <svg
            width={width}
            height={height}
            // Axis labels at the 24 px floor may reach a little past the plot's edge: never clipped there.
            className="absolute inset-0 overflow-visible"
            role="img"
            aria-label="Динамика обращений на 10 тыс. жителей"
          >
            {y.ticks(3).map((t) => (
              <g key={t}>
                <line
                  x1={left}
                  x2={width}
                  y1={y(t)}
                  y2={y(t)}
                  stroke="rgb(148 163 184 / 0.25)"
                  strokeWidth={vh * 0.1}
                />
                <text
                  x={left - vh * 0.6}
                  y={y(t)}
                  textAnchor="end"
                  dominantBaseline="middle"
                  fill="#94a3b8"
                  fontSize={vh * 2.25}
                >
                  {formatPer10k(t)}
                </text>
              </g>
            ))}
            {trend.days.map((d, i) =>
              i % 7 === (n - 1) % 7 ? (
                <text
                  key={d.date}
                  x={x(i)}
                  y={height - vh * 0.4}
                  textAnchor={i === n - 1 ? 'end' : 'middle'}
                  fill="#94a3b8"
                  fontSize={vh * 2.25}
                >
                  {i === n - 1 ? 'сегодня' : dayOfMonth(d.date)}
                </text>
              ) : null,
            )}
            <path
              d={region}
              fill="none"
              stroke="#cbd5e1"
              strokeWidth={vh * 0.25}
              strokeDasharray={`${vh * 0.8} ${vh * 0.5}`}
            />
            <path d={own} fill="none" stroke="#67e8f9" strokeWidth={vh * 0.45} strokeLinejoin="round" />
          </svg>
        ) : null}
      </div>
    </section>
  );
}
