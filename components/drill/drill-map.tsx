'use client';

import type { Incident } from '@/lib/realtime/contract';
import { incidentLabelsLayer, incidentRingsLayer } from '@/components/incidents/incident-layers';
import { useIncidentProbe } from '@/components/incidents/use-incident-probe';
import { DrillMapLegend } from './drill-map-legend';
import 'maplibre-gl/dist/maplibre-gl.css';
import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Layer } from '@deck.gl/core';
import type { FineCell, MapComplaint } from '@/lib/drill/types';
import { fitToFeature, useDrillMap } from '@/components/drill/drill-map-setup';
import { DRILL_MAX_ZOOM, DRILL_MIN_ZOOM } from '@/components/ui/drill-links';
import { useBboxComplaints } from '@/components/drill/drill-payload';
import {
  POINTS_MIN_ZOOM,
  borderLayers,
  complaintPointsLayer,
  fineCellsLayer,
  maxOpenOfCells,
  neighbourLabelsLayer,
  neighboursLayer,
  pointsInDrawOrder,
} from '@/components/drill/drill-layers';
import { labelsOf, moscowMaskLayer } from '@/components/map/wall-layers';
import { DrillTooltip } from './drill-tooltip';

export interface DrillMapProps {
  oktmo: string;
  block: string | null;
  cells: FineCell[];
  /** Changes with every payload: the points of the view are fetched again then. */
  asOf: string;
  categoryName: (code: string) => string;
  /**
   * Replaces the data layers (hexagons and points) while set, e.g. by time playback; the neighbours' veil, the
   * border and the names stay.
   */
  overrideLayers?: Layer[];
  /** Drawn over the bottom of the map: a control bar (playback) or anything else the page adds. */
  overlay?: ReactNode;
  /** Live incidents of the municipality, ringed and named over everything; none in a replay. */
  incidents?: Incident[] | null;
}

/** Big enough to hit and read on a wall screen; sizes in vh so 1080p and 4K look alike. */
const BUTTON =
  'flex h-[5vh] w-[5vh] items-center justify-center rounded-[0.4vh] border border-slate-500 bg-[rgb(15_23_42/0.9)] text-[3vh] font-bold leading-none text-slate-50 hover:bg-slate-700 disabled:opacity-40';

interface Hover {
  x: number;
  y: number;
  complaint: MapComplaint;
}

function DrillMap(props: DrillMapProps) {
  const { oktmo, block, cells, asOf, categoryName, overrideLayers, overlay, incidents = null } = props;
  const { containerRef, geo, feature, map, overlay: deck, ready, scale, view } = useDrillMap(oktmo);
  useIncidentProbe(map, overrideLayers ? null : incidents);
  // Incident labels open towards the middle of what is on screen.
  const centreLon = view
    ? (view.bounds[0] + view.bounds[2]) / 2
    : Number(feature?.properties?.center_lon ?? 37.6);
  const [hover, setHover] = useState<Hover | null>(null);
  const zoom = view?.zoom ?? 0;
  const showPoints = zoom >= POINTS_MIN_ZOOM && !overrideLayers;
  const points = useBboxComplaints(oktmo, block, view, showPoints, asOf);
  const maxOpen = useMemo(() => maxOpenOfCells(cells), [cells]);
  const drawnPoints = useMemo(() => pointsInDrawOrder(points?.complaints ?? []), [points]);
  const neighbourLabels = useMemo(
    () => (geo ? labelsOf(geo.municipalities).filter((l) => l.text !== feature?.properties?.short_name) : []),
    [geo, feature],
  );
  const hoveredId = hover?.complaint.id ?? null;

  useEffect(() => {
    if (!deck || !geo) return;
    const data = overrideLayers ?? [
      fineCellsLayer(cells, maxOpen, scale, showPoints),
      ...(showPoints ? [complaintPointsLayer(drawnPoints, scale, hoveredId)] : []),
    ];
    deck.setProps({
      layers: [
        ...data,
        moscowMaskLayer(geo.moscow),
        neighboursLayer(geo.municipalities, oktmo),
        ...borderLayers(feature, scale),
        neighbourLabelsLayer(neighbourLabels, scale),
        ...(overrideLayers
          ? []
          : [
              incidentRingsLayer(incidents ?? [], scale),
              incidentLabelsLayer(incidents ?? [], scale, centreLon),
            ]),
      ],
      onHover: (info) => {
        const complaint =
          info.layer?.id === 'drill-complaints' ? (info.object as MapComplaint | undefined) : undefined;
        setHover(complaint ? { x: info.x, y: info.y, complaint } : null);
      },
    });
  }, [
    deck,
    geo,
    oktmo,
    feature,
    cells,
    maxOpen,
    scale,
    showPoints,
    drawnPoints,
    hoveredId,
    neighbourLabels,
    overrideLayers,
    incidents,
    centreLon,
  ]);

  const zoomBy = (delta: number) => map?.easeTo({ zoom: map.getZoom() + delta, duration: 250 });
  const shown = showPoints ? (points?.complaints.length ?? 0) : 0;

  return (
    <div
      className="absolute inset-0 overflow-hidden rounded-[0.4vh] border border-slate-700"
      data-testid="drill-map"
      data-ready={ready ? 'true' : 'false'}
      data-replay={overrideLayers ? 1 : 0}
      data-zoom={zoom.toFixed(2)}
      data-cells={cells.length}
      data-points={shown}
      data-points-truncated={points?.truncated ? 'true' : 'false'}
      aria-label="Карта округа: открытые обращения"
    >
      <div ref={containerRef} className="h-full w-full" />
      <div className="absolute right-[0.8vw] top-[1.2vh] flex flex-col gap-[0.8vh]">
        <button
          type="button"
          className={BUTTON}
          data-testid="drill-zoom-in"
          aria-label="Приблизить"
          disabled={zoom >= DRILL_MAX_ZOOM}
          onClick={() => zoomBy(1)}
        >
          +
        </button>
        <button
          type="button"
          className={BUTTON}
          data-testid="drill-zoom-out"
          aria-label="Отдалить"
          disabled={zoom <= DRILL_MIN_ZOOM}
          onClick={() => zoomBy(-1)}
        >
          −
        </button>
        <button
          type="button"
          className={BUTTON}
          data-testid="drill-zoom-fit"
          aria-label="Показать весь округ"
          onClick={() => map && fitToFeature(map, feature)}
        >
          ⤢
        </button>
      </div>
      <p className="panel-small pointer-events-none absolute left-[0.8vw] top-[1.2vh] rounded-[0.3vh] bg-[rgb(5_7_12/0.8)] px-[0.5vw] py-[0.3vh] text-slate-200">
        {overrideLayers
          ? 'Воспроизведение'
          : showPoints
            ? `Открытые обращения: ${shown}${points?.truncated ? ' (показаны самые просроченные)' : ''}`
            : 'Приблизьте карту, чтобы увидеть отдельные обращения'}
      </p>
      <DrillMapLegend replay={Boolean(overrideLayers)} />
      {hover ? <DrillTooltip {...hover} categoryName={categoryName} /> : null}
      {overlay ? <div className="absolute inset-x-0 bottom-0">{overlay}</div> : null}
    </div>
  );
}

// The screen re-renders every second for its clock; the map only when its data changes.
export default memo(DrillMap);
