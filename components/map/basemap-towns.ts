/**
 * Which towns the base map names: by size for the zoom (a 4K wall at the same view shows the same towns as a
 * 1080p one, its letters being twice as big), only those whose name fits inside the view's safe area (not
 * under the side panels, the hint box or the zoom buttons), and none where the screen already names the place
 * itself (a municipality's or a surge's label drawn by deck.gl). MapLibre then declutters what is left.
 */
import type maplibregl from 'maplibre-gl';
import type { LayersList } from '@deck.gl/core';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { BASEMAP_SOURCE_IDS, TOWN_LABEL_PX, scaleBasemap, townLabelPx } from './basemap-layers';
import { exposeProbe } from './test-probes';

/** A town of `rank` (1 = over 100 000 … 5 = a village; scripts/copy-basemap-geo.ts) is named from this zoom. */
const MIN_ZOOM_BY_RANK = [0, 0, 7.6, 8.6, 9.6, 10.6];
/** Inter SemiBold: average advance of a Cyrillic letter as a share of the size, and the dot's gap. */
const GLYPH_WIDTH_EM = 0.66;
const OFFSET_EM = 0.45;

export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface TownLabelOptions {
  /** Multiplier for sizes given for a 1080 px tall screen. */
  scale: () => number;
  /** Room to keep free at the view's edges, in pixels (the side panels over a wall map). */
  insets: () => ScreenBox;
  /** Places the screen names itself wherever the view is (lon, lat): no town name on top of them. */
  namedElsewhere?: [number, number][];
}

export interface TownLabeller {
  /** Boxes (map pixels) where the screen draws its own names; towns whose name would touch one are skipped. */
  avoid: (boxes: ScreenBox[]) => void;
  /** Recompute now (after a fit or a change of scale). */
  refresh: () => void;
  detach: () => void;
}

/** deck.gl layers that draw names or markers: they stay above the town names, everything else goes under. */
const OVER_TOWN_NAMES = /label|ring|incident|pulse|arrival|alarm/i;
const TOWN_LAYER_FIRST = 'basemap-town-dots';

type DeckItem = LayersList[number];

/**
 * A deck.gl data layer placed under the base map's town names (interleaved, through `beforeId`); names,
 * rings and pulses, and a layer that chose its own place, are left as they are (on top).
 */
export function underTownNames(layer: DeckItem): DeckItem {
  if (!layer || typeof layer !== 'object' || Array.isArray(layer) || !('clone' in layer)) return layer;
  // `beforeId` is @deck.gl/mapbox's addition to every layer's props (interleaved mode).
  const props = layer.props as { beforeId?: string };
  if (props.beforeId !== undefined || OVER_TOWN_NAMES.test(layer.id)) return layer;
  if ((layer.constructor as { layerName?: string }).layerName === 'TextLayer') return layer;
  return layer.clone({ beforeId: TOWN_LAYER_FIRST } as Partial<typeof layer.props>);
}

function overlaps(a: ScreenBox, b: ScreenBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Overlays sitting on the map box (buttons, a hint): every positioned sibling of MapLibre's container is one,
 * so a new overlay is avoided without being listed here.
 */
function overlayBoxes(container: HTMLElement): ScreenBox[] {
  const parent = container.parentElement;
  if (!parent) return [];
  const origin = container.getBoundingClientRect();
  return Array.from(parent.children)
    .filter((el) => el !== container && el instanceof HTMLElement && el.offsetParent !== null)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return {
        left: r.left - origin.left,
        top: r.top - origin.top,
        right: r.right - origin.left,
        bottom: r.bottom - origin.top,
      };
    })
    .filter((b) => b.right > b.left && b.bottom > b.top);
}

/** The name's box with its anchor: `left` puts the text right of the dot, `right` left of it. */
function labelBox(x: number, y: number, text: string, px: number, anchor: 'left' | 'right'): ScreenBox {
  const width = text.length * px * GLYPH_WIDTH_EM;
  const gap = px * OFFSET_EM;
  const [left, right] = anchor === 'left' ? [x + gap, x + gap + width] : [x - gap - width, x - gap];
  return { left, right, top: y - px * 0.7, bottom: y + px * 0.7 };
}

export function attachTownLabels(
  map: maplibregl.Map,
  towns: FeatureCollection,
  options: TownLabelOptions,
): TownLabeller {
  let avoided: ScreenBox[] = [];
  const features = towns.features as Feature<Point>[];

  const refresh = () => {
    const source = map.getSource(BASEMAP_SOURCE_IDS.towns) as maplibregl.GeoJSONSource | undefined;
    if (!source) return;
    const scale = options.scale();
    scaleBasemap(map, scale);
    const canvas = map.getContainer();
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const inset = options.insets();
    const named = (options.namedElsewhere ?? []).map(([lon, lat]) => {
      const p = map.project([lon, lat]);
      const r = TOWN_LABEL_PX * scale;
      return { left: p.x - r, right: p.x + r, top: p.y - r, bottom: p.y + r };
    });
    const blocked = [...avoided, ...named, ...overlayBoxes(canvas)];
    // The zoom a 1080 px screen would need for the same view: what the thresholds are set for.
    const zoom = map.getZoom() - Math.log2(Math.max(scale, 0.25));
    const inside = (b: ScreenBox) =>
      b.left >= inset.left &&
      b.right <= width - inset.right &&
      b.top >= inset.top &&
      b.bottom <= height - inset.bottom;
    const free = (b: ScreenBox) => inside(b) && !blocked.some((o) => overlaps(o, b));
    const shown: Feature<Point>[] = [];
    for (const f of features) {
      const rank = Number(f.properties?.rank ?? 5);
      if (zoom < (MIN_ZOOM_BY_RANK[rank] ?? Infinity)) continue;
      const [lon = 0, lat = 0] = f.geometry.coordinates;
      const p = map.project([lon, lat]);
      const px = townLabelPx(rank) * scale;
      const dot = { left: p.x - px / 4, right: p.x + px / 4, top: p.y - px / 4, bottom: p.y + px / 4 };
      if (!free(dot)) continue;
      // The name to the right of its dot if there is room, else to the left; MapLibre is told which.
      const text = String(f.properties?.name ?? '');
      const anchor = free(labelBox(p.x, p.y, text, px, 'left'))
        ? 'left'
        : free(labelBox(p.x, p.y, text, px, 'right'))
          ? 'right'
          : null;
      if (anchor) shown.push({ ...f, properties: { ...f.properties, anchor } });
    }
    source.setData({ type: 'FeatureCollection', features: shown });
  };

  map.on('moveend', refresh);
  map.on('resize', refresh);
  if (map.loaded()) refresh();
  else map.once('load', refresh);
  const hideProbe = exposeProbe('__curBasemapProbe', () => ({
    layers: () =>
      map
        .getStyle()
        .layers.map((l) => l.id)
        .filter((id) => id.startsWith('basemap')),
    rendered: (layers) => map.queryRenderedFeatures({ layers }).length,
    towns: () => {
      const rect = map.getContainer().getBoundingClientRect();
      return map.queryRenderedFeatures({ layers: ['basemap-town-labels'] }).map((f) => {
        const [lon = 0, lat = 0] = (f.geometry as Point).coordinates;
        const p = map.project([lon, lat]);
        const anchor = f.properties?.anchor === 'right' ? ('right' as const) : ('left' as const);
        return { name: String(f.properties?.name), x: rect.left + p.x, y: rect.top + p.y, anchor };
      });
    },
  }));
  return {
    avoid: (boxes) => {
      avoided = boxes;
      refresh();
    },
    refresh,
    detach: () => {
      hideProbe();
      map.off('moveend', refresh);
      map.off('resize', refresh);
    },
  };
}
