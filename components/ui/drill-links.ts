/** Where a municipality's drill-down lives: under the block panel it was opened from, or for all blocks. */
export function drillHref(block: string | null | undefined, oktmo: string): string {
  return block ? `/wall/${encodeURIComponent(block)}/m/${oktmo}` : `/m/${oktmo}`;
}

/** The way back from a drill-down: the block's panel, or the region wall. */
export function backHref(block: string | null | undefined): string {
  return block ? `/wall/${encodeURIComponent(block)}` : '/wall';
}

/**
 * The block a screen shows, read from its root's `data-block` (block panels set it; the region wall does not),
 * so a map or a list inside any panel (/wall/[block], /wall/s/[screen]) links to the drill-down of that block.
 */
export function blockOfElement(element: Element | null): string | null {
  return element?.closest('[data-block]')?.getAttribute('data-block') || null;
}

export const DRILL_MIN_ZOOM = 7;
export const DRILL_MAX_ZOOM = 17;
/** The drill map's view in the query string: `?at=lon,lat,zoom`. */
export const AT_PARAM = 'at';

/** `?at=lon,lat,zoom` when the URL has a valid one. */
export function parseAt(search: string): { center: [number, number]; zoom: number } | null {
  const at = new URLSearchParams(search).get(AT_PARAM);
  const parts = at?.split(',').map(Number);
  if (!parts || parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lon, lat, zoom] = parts as [number, number, number];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return { center: [lon, lat], zoom: Math.min(DRILL_MAX_ZOOM, Math.max(DRILL_MIN_ZOOM, zoom)) };
}

export function formatAt(lon: number, lat: number, zoom: number): string {
  return `${lon.toFixed(5)},${lat.toFixed(5)},${zoom.toFixed(2)}`;
}
