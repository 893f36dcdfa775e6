'use client';

import { memo, useEffect, useRef, useState } from 'react';
import type { RussiaMap } from '@/lib/federal/russia-map';
import { displayName } from '@/components/federal/format-federal';
import { overdueColor } from '@/components/federal/rate-scale';
import type { FederalRegionRow } from '@/lib/federal/types';

const MAX_NAMED_SILENT = 10;
/** Map names at 1080p, in screen pixels: over the 24 px floor of the wall's text. */
const LABEL_PX = 26;
const CHOSEN_LABEL_PX = 30;
/** The breach red of app/globals.css (--breach): a silent center. */
const BREACH = '#f87171';
const LIVE = '#e2e8f0';
/** Rough width of a bold Cyrillic letter as a share of the size: enough to keep a name off the frame's edge. */
const GLYPH_EM = 0.62;

/**
 * How many viewBox units one screen pixel is, times the screen's 1080p scale: the SVG scales with its box, so
 * sizes meant in pixels are converted through the drawn width.
 */
function useUnitsPerPixel(width: number, height: number) {
  const ref = useRef<SVGSVGElement>(null);
  const [units, setUnits] = useState(1);
  useEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    const measure = () => {
      const box = svg.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return;
      // preserveAspectRatio "meet": the tighter side sets the scale.
      const scale = Math.min(box.width / width, box.height / height);
      setUnits(window.innerHeight / 1080 / scale);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => observer.disconnect();
  }, [width, height]);
  return { ref, units };
}

/** Where a centred name goes so it stays inside the frame: it grows inwards near either edge. */
function anchorAt(x: number, text: string, size: number, frame: number) {
  const half = (text.length * size * GLYPH_EM) / 2;
  if (x - half < 0) return { x: 0, anchor: 'start' as const };
  if (x + half > frame) return { x: frame, anchor: 'end' as const };
  return { x, anchor: 'middle' as const };
}

interface Props {
  map: RussiaMap;
  regions: FederalRegionRow[];
  capitals: Record<string, [number, number]>;
  selected: string | null;
  onSelect: (code: string) => void;
}

/**
 * Russia's 85 regions coloured by the overdue share of their open backlog (a blue ramp: red and amber are the
 * wall's status colours), and each regional center at its capital: a light dot while data arrives, a red ring
 * with its name when the center has gone silent (a breach).
 */
export const RussiaMapView = memo(function RussiaMapView({
  map,
  regions,
  capitals,
  selected,
  onSelect,
}: Props) {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  // Named on the map while they are the exception; a mass outage is read from the table instead.
  const silent = regions.filter((r) => !r.live);
  const named = silent.length <= MAX_NAMED_SILENT ? silent : [];
  const chosen = selected ? map.regions.find((s) => s.code === selected) : undefined;
  const { ref, units } = useUnitsPerPixel(map.width, map.height);
  const labelSize = LABEL_PX * units;
  const chosenSize = CHOSEN_LABEL_PX * units;
  const chosenName = chosen ? displayName(byCode.get(chosen.code)?.shortName ?? '') : '';
  const chosenAt = chosen ? anchorAt(chosen.label[0], chosenName, chosenSize, map.width) : null;
  return (
    <svg
      ref={ref}
      data-testid="russia-map"
      viewBox={`0 0 ${map.width} ${map.height}`}
      preserveAspectRatio="xMidYMid meet"
      className="h-full w-full"
      role="img"
      aria-label="Карта регионов России"
    >
      <g>
        {map.regions.map((shape) => {
          const row = byCode.get(shape.code);
          return (
            <path
              key={shape.code}
              data-testid="region-shape"
              data-region={shape.code}
              d={shape.d}
              fill={overdueColor(row?.overdueShare ?? null)}
              stroke="#05070c"
              strokeWidth={0.6}
              className="cursor-pointer hover:brightness-125"
              onClick={() => onSelect(shape.code)}
            >
              <title>{row?.name ?? shape.code}</title>
            </path>
          );
        })}
      </g>
      {chosen ? (
        <path d={chosen.d} fill="none" stroke="#f8fafc" strokeWidth={2.2} pointerEvents="none" />
      ) : null}
      <g pointerEvents="none">
        {regions.map((r) => {
          const xy = capitals[r.code];
          if (!xy) return null;
          return r.live ? (
            <g key={r.code} data-testid="center-point" data-state="live" data-region={r.code}>
              <circle
                cx={xy[0]}
                cy={xy[1]}
                r={r.home ? 5 : 3.4}
                fill={LIVE}
                stroke="#05070c"
                strokeWidth={1}
              />
              <circle
                cx={xy[0]}
                cy={xy[1]}
                r={r.home ? 9 : 6.5}
                fill="none"
                stroke={LIVE}
                strokeWidth={0.8}
                opacity={0.55}
              />
            </g>
          ) : (
            <g key={r.code} data-testid="center-point" data-state="silent" data-region={r.code}>
              <circle cx={xy[0]} cy={xy[1]} r={5.5} fill="#05070c" stroke={BREACH} strokeWidth={2.2} />
            </g>
          );
        })}
      </g>
      <g pointerEvents="none" fontWeight={700}>
        {named.map((r) => {
          const xy = capitals[r.code];
          if (!xy) return null;
          const name = displayName(r.shortName);
          // Beside the ring, growing away from the nearer edge of the frame.
          const right = xy[0] + name.length * labelSize * GLYPH_EM + 10 * units < map.width;
          return (
            <text
              key={r.code}
              data-testid="silent-label"
              x={right ? xy[0] + 8 * units : xy[0] - 8 * units}
              y={xy[1] + labelSize * 0.35}
              textAnchor={right ? 'start' : 'end'}
              fontSize={labelSize}
              fill="#fecaca"
              stroke="#05070c"
              strokeWidth={3 * units}
              paintOrder="stroke"
            >
              {name}
            </text>
          );
        })}
        {chosen && chosenAt ? (
          <text
            data-testid="chosen-label"
            x={chosenAt.x}
            y={chosen.label[1]}
            fontSize={chosenSize}
            textAnchor={chosenAt.anchor}
            fill="#f8fafc"
            stroke="#05070c"
            strokeWidth={4 * units}
            paintOrder="stroke"
          >
            {chosenName}
          </text>
        ) : null}
      </g>
    </svg>
  );
});
