'use client';

import { useMemo, useRef, type PointerEvent } from 'react';
import type { PlaybackData } from '@/lib/playback/types';
import { startOfMoscowDay } from '@/lib/domain/moscow-time';
import { DAY_MS, HOUR_MS } from '@/lib/domain/time-units';
import { formatDate } from '@/components/ui/format';
import { formatShortDate } from './playback-format';

/** Bars of the timeline: 15 minutes over 24 hours, an hour over 7 days. */
const BINS = { '24h': 96, '7d': 168 } as const;

interface Bin {
  n: number;
  start: number;
}

function binsOf(data: PlaybackData): { bins: Bin[]; max: number } {
  const from = Date.parse(data.from);
  const to = Date.parse(data.to);
  const count = BINS[data.span];
  const width = (to - from) / count;
  const bins: Bin[] = Array.from({ length: count }, (_, i) => ({ n: 0, start: from + i * width }));
  const seriesFrom = Date.parse(data.series.from);
  data.series.received.forEach((n, i) => {
    const t = seriesFrom + i * data.series.stepMs;
    if (t < from || t >= to) return;
    bins[Math.min(count - 1, Math.floor((t - from) / width))]!.n += n;
  });
  return { bins, max: Math.max(1, ...bins.map((b) => b.n)) };
}

/** Moscow midnights inside the range, with the day they start. */
function midnightsOf(from: number, to: number): number[] {
  const marks: number[] = [];
  for (let t = startOfMoscowDay(new Date(from)).getTime() + DAY_MS; t < to; t += DAY_MS) marks.push(t);
  // A day is 24 h in Moscow (no daylight saving), but stay exact if the zone ever changes.
  return marks.map((t) => startOfMoscowDay(new Date(t + HOUR_MS)).getTime());
}

/** The replay's complaints over time as bars; click or drag anywhere to move the clock there. */
export function PlaybackTimeline(props: {
  data: PlaybackData;
  clock: number;
  onSeek: (clock: number) => void;
}) {
  const { data, clock, onSeek } = props;
  const from = Date.parse(data.from);
  const to = Date.parse(data.to);
  const { bins, max } = useMemo(() => binsOf(data), [data]);
  const midnights = useMemo(() => midnightsOf(from, to), [from, to]);
  const box = useRef<HTMLDivElement>(null);
  const fraction = Math.min(1, Math.max(0, (clock - from) / (to - from)));

  const seekAt = (e: PointerEvent<HTMLDivElement>) => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    const f = Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width));
    onSeek(from + f * (to - from));
  };

  return (
    <div
      ref={box}
      data-testid="playback-timeline"
      role="slider"
      aria-label="Шкала времени повтора"
      aria-valuemin={from}
      aria-valuemax={to}
      aria-valuenow={Math.round(clock)}
      tabIndex={-1}
      className="relative h-full min-w-0 flex-1 cursor-pointer touch-none select-none"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        seekAt(e);
      }}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) seekAt(e);
      }}
    >
      <svg
        className="absolute inset-0 h-full w-full"
        viewBox={`0 0 ${bins.length} 100`}
        preserveAspectRatio="none"
      >
        {bins.map((b, i) => (
          <rect
            key={i}
            x={i + 0.12}
            width={0.76}
            y={100 - Math.max(2, (b.n / max) * 100)}
            height={Math.max(2, (b.n / max) * 100)}
            className={b.start < clock ? 'fill-replay' : 'fill-slate-600'}
          />
        ))}
      </svg>
      {/* Labels run right of their midnight; one that would spill past the end is cut at the edge. */}
      <div className="pointer-events-none absolute inset-0 overflow-hidden">
        {midnights.map((t) => (
          <div
            key={t}
            className="absolute top-0 bottom-0 border-l-[0.25vh] border-dashed border-slate-300"
            style={{ left: `${((t - from) / (to - from)) * 100}%` }}
          >
            <span className="absolute top-0 left-[0.3vw] text-wall-xs leading-none whitespace-nowrap text-slate-200">
              {/* Seven days leave room for «вт, 17» only. */}
              {data.span === '7d'
                ? formatShortDate(t).split(' ').slice(0, 2).join(' ')
                : formatDate(t).split(', ')[1]}
            </span>
          </div>
        ))}
      </div>
      <div
        data-testid="playback-handle"
        className="pointer-events-none absolute -top-[0.6vh] -bottom-[0.6vh] w-[0.45vh] -translate-x-1/2 bg-white shadow-[0_0_1vh_#c4b5fd]"
        style={{ left: `${fraction * 100}%` }}
      />
    </div>
  );
}
