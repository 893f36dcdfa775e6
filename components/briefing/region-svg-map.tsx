'use client';

import { geoPath, geoTransform, interpolateRgbBasis } from 'd3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { loadGeo } from '@/components/map/load-geo';
import type { GeoData } from '@/components/map/map-style';

export interface MapMarker {
  n: number;
  lat: number;
  lon: number;
}

interface RegionSvgMapProps {
  width: number;
  height: number;
  /** Fill intensity 0…1 per OKTMO (e.g. load per capita against the highest). */
  shade: Map<string, number>;
  markers: MapMarker[];
}

/** Moscow Oblast sits around 55.7° N: a degree of longitude is cos(55.7°) of a degree of latitude there. */
const LON_SCALE = Math.cos((55.7 * Math.PI) / 180);
const PAD = 16;
const MARKER_GAP = 46;
/** Markers are incidents: the breach red of the one colour code (status-colors.ts). */
const MARKER_FILL = '#dc2626';
/**
 * Deep blue to pale cyan, the wall's density ramp (components/map/color-ramp.ts): a load is never an alarm, so
 * the shading keeps clear of the red of a breach (the incident markers on top) and the amber of a warning.
 */
const SHADE = interpolateRgbBasis(['#17306b', '#1d3f8f', '#1f6fd1', '#22a6e0', '#4fd6ec', '#a5f0f7']);
export const shadeColor = (t: number) => SHADE(Math.min(1, Math.max(0, t)));

/**
 * Markers of nearby places would cover each other at region scale: each one that lands on an earlier one is
 * pushed out on a spiral until free and keeps a leader line to its true spot.
 */
export function spreadMarkers(points: [number, number][]): [number, number][] {
  const placed: [number, number][] = [];
  for (const [x, y] of points) {
    let spot: [number, number] = [x, y];
    for (
      let step = 1;
      step < 60 && placed.some(([px, py]) => Math.hypot(px - spot[0], py - spot[1]) < MARKER_GAP);
      step += 1
    ) {
      const angle = step * 0.9 - Math.PI / 2;
      const radius = MARKER_GAP * (0.6 + step * 0.12);
      spot = [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
    }
    placed.push(spot);
  }
  return placed;
}

/**
 * A planar projection fitted to the oblast: equirectangular with the longitude squeezed by the local scale, which
 * at this size is indistinguishable from Mercator and, being planar, ignores ring winding (d3's spherical paths
 * would fill the whole globe around a counter-clockwise GeoJSON ring).
 */
function fittedPath(features: Feature<Geometry>[], width: number, height: number) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const raw = geoPath(
    geoTransform({
      point(x, y) {
        this.stream.point(x * LON_SCALE, -y);
      },
    }),
  );
  for (const f of features) {
    const [[a, b], [c, d]] = raw.bounds(f);
    [x0, y0, x1, y1] = [Math.min(x0, a), Math.min(y0, b), Math.max(x1, c), Math.max(y1, d)];
  }
  const k = Math.min((width - 2 * PAD) / (x1 - x0), (height - 2 * PAD) / (y1 - y0));
  const dx = (width - k * (x1 - x0)) / 2 - k * x0;
  const dy = (height - k * (y1 - y0)) / 2 - k * y0;
  const project = (lon: number, lat: number): [number, number] => [k * lon * LON_SCALE + dx, k * -lat + dy];
  const path = geoPath(
    geoTransform({
      point(x, y) {
        const [px, py] = project(x, y);
        this.stream.point(px, py);
      },
    }),
  );
  return { path, project };
}

/**
 * The 57 municipalities as an SVG (vector in the PDF, unlike a WebGL canvas), shaded by `shade`, Moscow masked,
 * numbered markers on top. Marks itself `data-map-ready` once the boundaries are drawn, for the PDF renderer.
 */
export function RegionSvgMap({ width, height, shade, markers }: RegionSvgMapProps) {
  const [geo, setGeo] = useState<GeoData | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadGeo()
      .then((g) => live && setGeo(g))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);
  const drawn = useMemo(() => {
    if (!geo) return null;
    const features = (geo.municipalities as FeatureCollection).features;
    const { path, project } = fittedPath(features, width, height);
    return {
      areas: features.map((f) => ({ oktmo: String(f.properties?.oktmo ?? ''), d: path(f) ?? '' })),
      moscow: (geo.moscow as FeatureCollection).features.map((f) => path(f) ?? ''),
      project,
    };
  }, [geo, width, height]);

  if (failed)
    return <p className="text-[28px] text-rose-300">Карта не загрузилась: границы округов недоступны</p>;
  return (
    <svg
      data-testid="briefing-map"
      data-map-ready={drawn ? 'true' : 'false'}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="Карта округов Московской области с точками напряжённости"
    >
      {drawn && (
        <>
          {drawn.areas.map((a) => (
            <path
              key={a.oktmo}
              d={a.d}
              fill={shade.has(a.oktmo) ? shadeColor(shade.get(a.oktmo)!) : '#111827'}
              stroke="#64748b"
              strokeWidth={1.2}
            />
          ))}
          {drawn.moscow.map((d, i) => (
            <path key={`msk-${i}`} d={d} fill="#05070c" stroke="#334155" strokeWidth={1.5} />
          ))}
          {(() => {
            const truth = markers.map((m) => drawn.project(m.lon, m.lat));
            const spots = spreadMarkers(truth);
            // Leaders first, numbers on top: a pushed-out marker's line never crosses another's number.
            return (
              <>
                {truth.map(([tx, ty], i) => (
                  <g key={`leader-${markers[i]!.n}`}>
                    <circle cx={tx} cy={ty} r={6} fill="#fff" />
                    <line x1={tx} y1={ty} x2={spots[i]![0]} y2={spots[i]![1]} stroke="#fff" strokeWidth={2} />
                  </g>
                ))}
                {spots.map(([x, y], i) => (
                  <g key={markers[i]!.n} data-testid="map-marker">
                    <circle cx={x} cy={y} r={21} fill={MARKER_FILL} stroke="#fff" strokeWidth={3} />
                    <text
                      x={x}
                      y={y}
                      textAnchor="middle"
                      dy="0.36em"
                      fontSize={24}
                      fontWeight={700}
                      fill="#fff"
                    >
                      {markers[i]!.n}
                    </text>
                  </g>
                ))}
              </>
            );
          })()}
        </>
      )}
    </svg>
  );
}
