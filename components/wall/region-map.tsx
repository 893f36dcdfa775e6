'use client';

import 'maplibre-gl/dist/maplibre-gl.css';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import maplibregl from 'maplibre-gl';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { CellCount } from '@/lib/realtime/contract';
import type { Arrival } from '@/lib/client/wall-state';
import {
  INITIAL_VIEW_STATE,
  MAP_PADDING,
  OBLAST_BOUNDS,
  offlineStyle,
  type GeoData,
} from '@/lib/client/map-style';
import { loadGeo } from '@/lib/client/load-geo';
import {
  arrivalDotsLayer,
  bordersLayer,
  heatLayer,
  heatPointsOf,
  hexLayer,
  labelSizeOf,
  labelsLayer,
  labelsOf,
  type MunicipalityLabel,
  maxOpenOf,
  moscowMaskLayer,
  pulseLayer,
} from '@/lib/client/wall-layers';
import { placeLabels } from '@/lib/client/label-placement';

const GEO_RETRY_MS = 5_000;
/** Pulses animate at this rate: smooth enough from 5 m, light enough for a wall PC running for weeks. */
const FRAME_MS = 40;
/** After a lost GPU context nothing redraws by itself; an unattended wall reloads instead of going blank. */
const RELOAD_AFTER_CONTEXT_LOSS_MS = 5_000;

interface RegionMapProps {
  cells: CellCount[];
  cellsVersion: number;
  arrivals: Arrival[];
}

function RegionMap({ cells, cellsVersion, arrivals }: RegionMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const mapLoadedRef = useRef(false);
  const deckDrawnRef = useRef(false);
  const readyRef = useRef(false);
  const [geo, setGeo] = useState<GeoData | null>(null);
  const [ready, setReady] = useState(false);
  const [scale, setScale] = useState(1);
  const [overlayReady, setOverlayReady] = useState(false);
  const [labels, setLabels] = useState<MunicipalityLabel[]>([]);
  const [now, setNow] = useState(() => Date.now());

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
    // Interleaved: deck.gl draws into MapLibre's WebGL context instead of a second one, so the whole wall fits
    // in one browser (/wall/grid) under Chromium's limit of 16 live contexts.
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
    setOverlayReady(true);

    const fit = () => {
      const w = container.clientWidth;
      const h = container.clientHeight;
      if (w === 0 || h === 0) return;
      map.resize();
      map.fitBounds(OBLAST_BOUNDS, {
        padding: {
          left: w * MAP_PADDING.left,
          right: w * MAP_PADDING.right,
          top: h * MAP_PADDING.top,
          bottom: h * MAP_PADDING.bottom,
        },
        animate: false,
      });
      const scale = h / 1080;
      setScale(scale);
      setLabels(
        placeLabels(
          allLabels,
          (p) => map.project(p),
          (l) => labelSizeOf(l) * scale,
        ),
      );
    };
    const allLabels = labelsOf(geo.municipalities);
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
      map.removeControl(overlay as unknown as maplibregl.IControl);
      map.remove();
    };
  }, [geo]);

  const animating = arrivals.length > 0;
  useEffect(() => {
    if (!animating) return;
    let raf = 0;
    let last = 0;
    const tick = (t: number) => {
      if (t - last >= FRAME_MS) {
        last = t;
        setNow(Date.now());
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [animating]);

  const heatPoints = useMemo(() => heatPointsOf(cells), [cells]);
  const maxOpen = useMemo(() => maxOpenOf(cells), [cells]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!overlay || !geo) return;
    overlay.setProps({
      layers: [
        heatLayer(heatPoints, scale),
        hexLayer(cells, maxOpen),
        moscowMaskLayer(geo.moscow),
        bordersLayer(geo.municipalities, scale),
        labelsLayer(labels, scale),
        // News goes above the names: a fresh complaint in a town centre must not hide under its label.
        arrivalDotsLayer(arrivals, now, scale),
        pulseLayer(arrivals, now, scale),
      ],
    });
  }, [overlayReady, geo, heatPoints, cells, maxOpen, labels, arrivals, now, scale]);

  // MapLibre's own CSS makes its container `position: relative`, so the sizing lives on a wrapper.
  return (
    <div
      className="absolute inset-0"
      data-testid="wall-map"
      data-cells={cells.length}
      data-layer-version={cellsVersion}
      data-ready={ready ? 'true' : 'false'}
      aria-label="Карта Московской области: открытые обращения по территориям"
      role="img"
    >
      <div ref={containerRef} className="h-full w-full" />
    </div>
  );
}

// The screen re-renders every second for its data age; the map only when its data changes.
export default memo(RegionMap);
