/**
 * The plumbing every wall map shares: the offline GeoJSON (retried until the server serves it), a MapLibre map
 * with the offline style, deck.gl interleaved into it, the oblast fitted to the box on every resize, and the
 * «ready» signal the e2e tests and screenshots wait for. What the maps draw stays in their components.
 *
 * Imported only by map components loaded with `ssr: false`: MapLibre touches `window` on import.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import maplibregl from 'maplibre-gl';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { INITIAL_VIEW_STATE, OBLAST_BOUNDS, offlineStyle, type GeoData } from './map-style';
import { loadGeo } from './load-geo';
import { labelBox, placeLabels, type PlaceableLabel } from './label-placement';
import { attachTownLabels, underTownNames, type TownLabeller } from './basemap-towns';

const GEO_RETRY_MS = 5_000;
/** After a lost GPU context nothing redraws by itself; an unattended wall reloads instead of going blank. */
const RELOAD_AFTER_CONTEXT_LOSS_MS = 5_000;

/** Room around the oblast, as fractions of the map box's width (left, right) and height (top, bottom). */
export interface FitPadding {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface DeckMapOptions {
  padding: FitPadding;
  /**
   * What `scale` (1 at 1080 px) follows: the map box's height when the map fills the screen, the window's
   * when the map is one part of a panel, so its lines and labels match the text around it.
   */
  scaleBy: 'box' | 'window';
}

export interface DeckMap {
  /** Goes on the element MapLibre draws into. */
  containerRef: RefObject<HTMLDivElement | null>;
  geo: GeoData | null;
  map: maplibregl.Map | null;
  /** Null until the map exists; layers are set on it with `setProps`. */
  overlay: MapboxOverlay | null;
  /** MapLibre has drawn its style and deck.gl has drawn the layers: what `data-ready` reports. */
  ready: boolean;
  /** Multiplier for screen sizes given for a 1080 px tall screen. */
  scale: number;
  /** Bumped on every fit: anything placed in screen pixels (labels) is stale after a fit. */
  fitVersion: number;
  /** The base map's town names: told where the screen draws its own labels. */
  towns: TownLabeller | null;
}

/** The offline GeoJSON; a failed load is retried, so a wall started before its server recovers by itself. */
export function useGeo(): GeoData | null {
  const [geo, setGeo] = useState<GeoData | null>(null);
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
  return geo;
}

export function useDeckMap({ padding, scaleBy }: DeckMapOptions): DeckMap {
  const containerRef = useRef<HTMLDivElement>(null);
  const geo = useGeo();
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [overlay, setOverlay] = useState<MapboxOverlay | null>(null);
  const [ready, setReady] = useState(false);
  const [scale, setScale] = useState(1);
  const [fitVersion, setFitVersion] = useState(0);
  const [towns, setTowns] = useState<TownLabeller | null>(null);
  // Primitives, so a padding object literal from the caller does not recreate the map on every render.
  const { left, right, top, bottom } = padding;

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
    const overlay = attachDeckOverlay(map, () => setReady(true));
    let currentScale = 1;
    // Town names keep out of the fit's padding: on the region wall the side panels lie there.
    const townLabels = attachTownLabels(map, geo.towns, {
      scale: () => currentScale,
      insets: () => {
        const w = container.clientWidth;
        const h = container.clientHeight;
        return { left: w * left, right: w * right, top: h * top, bottom: h * bottom };
      },
    });
    setMap(map);
    setOverlay(overlay);
    setTowns(townLabels);

    const fit = () => {
      const w = container.clientWidth;
      const h = container.clientHeight;
      if (w === 0 || h === 0) return;
      currentScale = (scaleBy === 'box' ? h : window.innerHeight) / 1080;
      map.resize();
      map.fitBounds(OBLAST_BOUNDS, {
        padding: { left: w * left, right: w * right, top: h * top, bottom: h * bottom },
        animate: false,
      });
      townLabels.refresh();
      setScale(currentScale);
      setFitVersion((v) => v + 1);
    };
    fit();
    map.on('webglcontextlost', () =>
      setTimeout(() => window.location.reload(), RELOAD_AFTER_CONTEXT_LOSS_MS),
    );
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('resize', fit);
      townLabels.detach();
      setTowns(null);
      setOverlay(null);
      setMap(null);
      map.removeControl(overlay as unknown as maplibregl.IControl);
      map.remove();
    };
  }, [geo, left, right, top, bottom, scaleBy]);

  return { containerRef, geo, map, overlay, ready, scale, fitVersion, towns };
}

/**
 * deck.gl interleaved into `map`: it draws into MapLibre's WebGL context instead of a second one, so the whole
 * wall fits in one browser (/wall/grid) under Chromium's limit of 16 live contexts. `onReady` is called once,
 * when MapLibre has drawn its style and deck.gl its layers (the two finish in either order).
 */
export function attachDeckOverlay(map: maplibregl.Map, onReady: () => void): MapboxOverlay {
  let mapLoaded = false;
  let deckDrawn = false;
  let isReady = false;
  const markReady = () => {
    if (isReady || !mapLoaded || !deckDrawn) return;
    isReady = true;
    onReady();
  };
  const overlay = new MapboxOverlay({
    interleaved: true,
    layers: [],
    onAfterRender: () => {
      deckDrawn = true;
      markReady();
    },
  });
  // The data goes under the base map's town names, so a fill or a glow never hides a town; the screen's own
  // names and markers stay on top (underTownNames).
  const setProps = overlay.setProps.bind(overlay);
  overlay.setProps = (props) =>
    setProps(props.layers ? { ...props, layers: props.layers.map(underTownNames) } : props);
  map.addControl(overlay as unknown as maplibregl.IControl);
  map.on('load', () => {
    mapLoaded = true;
    markReady();
  });
  return overlay;
}

/**
 * `labels` decluttered where the map has put them: placed again after every fit and scale change. `labels`
 * and `sizeOf` (pixels on a 1080 px tall screen) must keep their identity between renders, or the placement
 * reruns on each one.
 */
export function usePlacedLabels<T extends PlaceableLabel>(
  { map, fitVersion, scale, towns }: DeckMap,
  labels: T[],
  sizeOf: (label: T) => number,
): T[] {
  const placed = useMemo(() => {
    if (!map || fitVersion === 0) return [];
    return placeLabels(
      labels,
      (p) => map.project(p),
      (l) => sizeOf(l) * scale,
    );
  }, [map, fitVersion, scale, labels, sizeOf]);
  // The base map names no town where one of these stands: one name per place, none over another.
  useEffect(() => {
    if (!map || !towns) return;
    towns.avoid(placed.map((l) => labelBox(l, (p) => map.project(p), sizeOf(l) * scale)));
  }, [map, towns, placed, sizeOf, scale]);
  return placed;
}
