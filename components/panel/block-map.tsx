'use client';

import 'maplibre-gl/dist/maplibre-gl.css';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import maplibregl from 'maplibre-gl';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { CellCount } from '@/lib/realtime/contract';
import type { HeatCell, TensionPoint, TerritoryLoad } from '@/lib/panels/types';
import { INITIAL_VIEW_STATE, OBLAST_BOUNDS, offlineStyle, type GeoData } from '@/lib/client/map-style';
import { loadGeo } from '@/lib/client/load-geo';
import type { Per10kScale } from '@/lib/client/panel-colors';
import { maxOpenOf, moscowMaskLayer } from '@/lib/client/wall-layers';
import { placeLabels } from '@/lib/client/label-placement';
import {
  TENSION_LABEL_SIZE_PX,
  type TensionLabel,
  choroplethLayer,
  heatPointsOfPanel,
  openCellsLayers,
  panelHeatLayer,
  tensionAreasLayers,
  tensionCellsLayer,
  tensionLabelsLayer,
  tensionLabelsOf,
} from '@/lib/client/panel-layers';

const GEO_RETRY_MS = 5_000;
/** After a lost GPU context nothing redraws by itself; an unattended wall reloads instead of going blank. */
const RELOAD_AFTER_CONTEXT_LOSS_MS = 5_000;
/** The oblast nearly fills the box: the legend and the tension list sit outside the map. */
const FIT_PADDING = 0.03;

export interface BlockMapProps {
  cells: CellCount[];
  cellsVersion: number;
  heat: HeatCell[];
  territories: TerritoryLoad[];
  per10k: Per10kScale;
  tension: TensionPoint[];
  /** Changes with every panel recount: the choropleth's colours are recomputed only then. */
  panelAsOf: string;
  nameOf: (oktmo: string | null) => string;
}

function BlockMap(props: BlockMapProps) {
  const { cells, cellsVersion, heat, territories, per10k, tension, panelAsOf, nameOf } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const mapLoadedRef = useRef(false);
  const deckDrawnRef = useRef(false);
  const readyRef = useRef(false);
  const [geo, setGeo] = useState<GeoData | null>(null);
  const [ready, setReady] = useState(false);
  const [scale, setScale] = useState(1);
  const [overlayReady, setOverlayReady] = useState(false);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  // Bumped on every fit: label decluttering depends on where the map has put things.
  const [fitVersion, setFitVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () =>
      loadGeo().then(
        (data) => !cancelled && setGeo(data),
        () => {
          if (!cancelled) timer = setTimeout(attempt, GEO_RETRY_MS);
        },
      );
    attempt();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    const container = containerRef.current;
    if (!geo || !container) return;
    const map = new maplibregl.Map({
      container,
      style: offlineStyle(geo),
      center: [INITIAL_VIEW_STATE.longitude, INITIAL_VIEW_STATE.latitude],
      zoom: INITIAL_VIEW_STATE.zoom,
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
    });
    // Ready = MapLibre has drawn its style and deck.gl has drawn the layers; the two finish in either order.
    const markReady = () => {
      if (readyRef.current || !mapLoadedRef.current || !deckDrawnRef.current) return;
      readyRef.current = true;
      setReady(true);
    };
    // Interleaved: one WebGL context per map (see region-map), so twelve screens fit in one /wall/grid browser.
    const overlay = new MapboxOverlay({
      interleaved: true,
      layers: [],
      onAfterRender: () => {
        deckDrawnRef.current = true;
        markReady();
      },
    });
    map.addControl(overlay as unknown as maplibregl.IControl);
    overlayRef.current = overlay;
    setMap(map);
    setOverlayReady(true);

    const fit = () => {
      const w = container.clientWidth;
      const h = container.clientHeight;
      if (w === 0 || h === 0) return;
      map.resize();
      map.fitBounds(OBLAST_BOUNDS, {
        padding: {
          left: w * FIT_PADDING,
          right: w * FIT_PADDING,
          top: h * FIT_PADDING,
          bottom: h * FIT_PADDING,
        },
        animate: false,
      });
      // Line widths and label sizes follow the screen (1080 px = 1), not the map box.
      setScale(window.innerHeight / 1080);
      setFitVersion((v) => v + 1);
    };
    fit();
    map.on('load', () => {
      mapLoadedRef.current = true;
      markReady();
    });
    map.on('webglcontextlost', () =>
      setTimeout(() => window.location.reload(), RELOAD_AFTER_CONTEXT_LOSS_MS),
    );
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('resize', fit);
      overlayRef.current = null;
      setMap(null);
      map.removeControl(overlay as unknown as maplibregl.IControl);
      map.remove();
    };
  }, [geo]);

  const loads = useMemo(() => new Map(territories.map((t) => [t.oktmo, t])), [territories]);
  const heatPoints = useMemo(() => heatPointsOfPanel(heat), [heat]);
  const maxOpen = useMemo(() => maxOpenOf(cells), [cells]);
  const labels = useMemo((): TensionLabel[] => {
    if (!geo || !map || fitVersion === 0) return [];
    // Overlapping names are unreadable from 5 m: the stronger surge keeps its label, the rim stays for all.
    return placeLabels(
      tensionLabelsOf(tension, geo.municipalities, nameOf),
      (p) => map.project(p),
      () => TENSION_LABEL_SIZE_PX * scale,
    );
  }, [geo, map, tension, nameOf, fitVersion, scale]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!overlay || !geo) return;
    overlay.setProps({
      layers: [
        choroplethLayer(geo.municipalities, loads, per10k, panelAsOf),
        panelHeatLayer(heatPoints, scale),
        // Moscow is not part of the oblast: its grey goes above the heat so the glow does not spill into it.
        moscowMaskLayer(geo.moscow),
        ...openCellsLayers(cells, maxOpen, scale),
        ...tensionAreasLayers(geo.municipalities, tension, scale),
        tensionCellsLayer(tension, scale),
        tensionLabelsLayer(labels, scale),
      ],
    });
  }, [overlayReady, geo, loads, per10k, panelAsOf, heatPoints, cells, maxOpen, tension, labels, scale]);

  // MapLibre's own CSS makes its container `position: relative`, so the sizing lives on a wrapper.
  return (
    <div
      className="absolute inset-0"
      data-testid="block-map"
      data-cells={cells.length}
      data-heat={heat.length}
      data-territories={territories.length}
      data-tension={tension.length}
      data-layer-version={cellsVersion}
      data-ready={ready ? 'true' : 'false'}
      aria-label="Карта Московской области: обращения блока по территориям"
      role="img"
    >
      <div ref={containerRef} className="h-full w-full" />
    </div>
  );
}

// The screen re-renders every second for its clock; the map only when its data changes.
export default memo(BlockMap);
