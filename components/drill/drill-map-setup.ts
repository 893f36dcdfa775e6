/**
 * The drill-down's map: MapLibre with the offline style and deck.gl interleaved, like the wall maps
 * (use-deck-map.ts), but interactive (the block lead pans and zooms) and fitted to one municipality. The view
 * is kept in the query string (`?at=lon,lat,zoom`), so a zoomed-in view is a link that can be shared.
 *
 * Imported only by map components loaded with `ssr: false`: MapLibre touches `window` on import.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import maplibregl from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Feature } from 'geojson';
import { offlineStyle, type GeoData } from '../map/map-style';
import { attachDeckOverlay, useGeo } from '../map/use-deck-map';
import { attachTownLabels } from '../map/basemap-towns';
import { boundsOf, municipalityFeature, type Bounds } from '../map/drill-hit';
import { exposeProbe } from '../map/test-probes';
import { AT_PARAM, DRILL_MAX_ZOOM, DRILL_MIN_ZOOM, formatAt, parseAt } from '../ui/drill-links';

/** Room around the municipality, as a share of the box. */
const FIT_PADDING = 0.06;

export interface DrillView {
  zoom: number;
  /** What the map shows now: west, south, east, north. */
  bounds: Bounds;
}

export interface DrillMap {
  containerRef: RefObject<HTMLDivElement | null>;
  geo: GeoData | null;
  feature: Feature | null;
  map: maplibregl.Map | null;
  overlay: MapboxOverlay | null;
  ready: boolean;
  /** Multiplier for sizes given for a 1080 px tall screen. */
  scale: number;
  view: DrillView | null;
}

function viewOf(map: maplibregl.Map): DrillView {
  const b = map.getBounds();
  return { zoom: map.getZoom(), bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
}

export function useDrillMap(oktmo: string): DrillMap {
  const containerRef = useRef<HTMLDivElement>(null);
  const geo = useGeo();
  const [feature, setFeature] = useState<Feature | null>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [overlay, setOverlay] = useState<MapboxOverlay | null>(null);
  const [ready, setReady] = useState(false);
  const [scale, setScale] = useState(1);
  const [view, setView] = useState<DrillView | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!geo || !container) return;
    const own = municipalityFeature(geo.municipalities, oktmo);
    setFeature(own);
    const [w, s, e, n] = own ? boundsOf(own) : [35.15, 54.26, 40.21, 56.96];
    const fitTo = (): maplibregl.LngLatBoundsLike => [
      [w, s],
      [e, n],
    ];
    const start = parseAt(window.location.search);
    const map = new maplibregl.Map({
      container,
      style: offlineStyle(geo),
      ...(start ? { center: start.center, zoom: start.zoom } : { bounds: fitTo() }),
      minZoom: DRILL_MIN_ZOOM,
      maxZoom: DRILL_MAX_ZOOM,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: false,
      fadeDuration: 0,
    });
    map.touchZoomRotate.disableRotation();
    const overlay = attachDeckOverlay(map, () => setReady(true));
    // Town names of the base map; the neighbours' centres carry their own labels (drill-layers.ts).
    const townLabels = attachTownLabels(map, geo.towns, {
      scale: () => window.innerHeight / 1080,
      insets: () => ({ left: 0, right: 0, top: 0, bottom: 0 }),
      namedElsewhere: geo.municipalities.features
        .filter((f) => f !== own)
        .map((f) => [Number(f.properties?.center_lon), Number(f.properties?.center_lat)]),
    });
    setMap(map);
    setOverlay(overlay);

    const fit = () => {
      const cw = container.clientWidth;
      const ch = container.clientHeight;
      if (cw === 0 || ch === 0) return;
      map.resize();
      setScale(window.innerHeight / 1080);
    };
    const fitBorder = () =>
      map.fitBounds(fitTo(), {
        padding: Math.round(Math.min(container.clientWidth, container.clientHeight) * FIT_PADDING),
        animate: false,
      });
    fit();
    if (!start) fitBorder();
    // Only while the drill-down is the page: a late moveend must not stamp the next page's URL.
    const path = window.location.pathname;
    const onMoveEnd = () => {
      setView(viewOf(map));
      if (window.location.pathname !== path) return;
      const c = map.getCenter();
      const url = new URL(window.location.href);
      url.searchParams.set(AT_PARAM, formatAt(c.lng, c.lat, map.getZoom()));
      // replaceState: panning is not a step the back button should walk through.
      window.history.replaceState(window.history.state, '', url);
    };
    map.on('moveend', onMoveEnd);
    map.on('load', () => setView(viewOf(map)));
    window.addEventListener('resize', fit);
    const hideProbe = exposeProbe('__curDrillProbe', () => ({
      project: (lon, lat) => {
        const rect = container.getBoundingClientRect();
        const p = map.project([lon, lat]);
        return { x: rect.left + p.x, y: rect.top + p.y };
      },
    }));
    return () => {
      hideProbe();
      townLabels.detach();
      map.off('moveend', onMoveEnd);
      window.removeEventListener('resize', fit);
      setOverlay(null);
      setMap(null);
      setReady(false);
      map.removeControl(overlay as unknown as maplibregl.IControl);
      map.remove();
    };
  }, [geo, oktmo]);

  return { containerRef, geo, feature, map, overlay, ready, scale, view };
}

/** Back to the municipality's whole border (the ⤢ button). */
export function fitToFeature(map: maplibregl.Map, feature: Feature | null): void {
  if (!feature) return;
  const [w, s, e, n] = boundsOf(feature);
  const box = map.getContainer();
  map.fitBounds(
    [
      [w, s],
      [e, n],
    ],
    { padding: Math.round(Math.min(box.clientWidth, box.clientHeight) * FIT_PADDING), duration: 400 },
  );
}
