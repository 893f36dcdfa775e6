'use client';

import { memo } from 'react';
import type { RussiaMap } from '@/lib/federal/russia-map';
import { displayName } from '@/components/federal/format-federal';
import { overdueColor } from '@/components/federal/rate-scale';
import type { FederalRegionRow } from '@/lib/federal/types';

const MAX_NAMED_SILENT = 10;

interface Props {
  map: RussiaMap;
  regions: FederalRegionRow[];
  capitals: Record<string, [number, number]>;
  selected: string | null;
  onSelect: (code: string) => void;
}

/**
 * Russia's 85 regions coloured by the overdue share of their open backlog, and each regional center at its
 * capital: a filled green dot while data arrives, a red ring with its name when the center has gone silent.
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
  return (
    <svg
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
                fill="#34d399"
                stroke="#05070c"
                strokeWidth={1}
              />
              <circle
                cx={xy[0]}
                cy={xy[1]}
                r={r.home ? 9 : 6.5}
                fill="none"
                stroke="#34d399"
                strokeWidth={0.8}
                opacity={0.55}
              />
            </g>
          ) : (
            <g key={r.code} data-testid="center-point" data-state="silent" data-region={r.code}>
              <circle cx={xy[0]} cy={xy[1]} r={5.5} fill="#05070c" stroke="#f87171" strokeWidth={2.2} />
            </g>
          );
        })}
      </g>
      <g pointerEvents="none" fontWeight={700}>
        {named.map((r) => {
          const xy = capitals[r.code];
          if (!xy) return null;
          return (
            <text
              key={r.code}
              x={xy[0] + 8}
              y={xy[1] + 4}
              fontSize={19}
              fill="#fecaca"
              stroke="#05070c"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {displayName(r.shortName)}
            </text>
          );
        })}
        {chosen ? (
          <text
            x={chosen.label[0]}
            y={chosen.label[1]}
            fontSize={22}
            // A label near the frame's edge (Kaliningrad, Chukotka) grows inwards instead of being cut off.
            textAnchor={
              chosen.label[0] < 150 ? 'start' : chosen.label[0] > map.width - 150 ? 'end' : 'middle'
            }
            fill="#f8fafc"
            stroke="#05070c"
            strokeWidth={4}
            paintOrder="stroke"
          >
            {displayName(byCode.get(chosen.code)?.shortName ?? '')}
          </text>
        ) : null}
      </g>
    </svg>
  );
});
