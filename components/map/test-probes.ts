/**
 * Hooks the browser tests read the map through. They exist only in test builds: `scripts/test-all.ts` builds
 * with NEXT_PUBLIC_TEST_HOOKS=1, Next inlines that value at build time, and in any other build the condition
 * below is a constant false, so the probes (and the code that makes them) are dropped from the bundle.
 */

/** Where on the page a municipality's centre is drawn now (the wall and block maps). */
export interface MapProbe {
  centreOf: (oktmo: string) => { x: number; y: number } | null;
}

/** Where on the page a place is drawn now (the drill-down map). */
export interface DrillProbe {
  project: (lon: number, lat: number) => { x: number; y: number };
}

/** What the base map drew (the last map of the page that drew one). */
export interface BasemapProbe {
  /** Ids of the base-map layers in the style. */
  layers: () => string[];
  /** Features drawn now in these layers (rendered, so placed and on screen for symbols). */
  rendered: (layers: string[]) => number;
  /** The town names MapLibre placed, at their points in page pixels. */
  towns: () => { name: string; x: number; y: number; anchor: 'left' | 'right' }[];
}

/** Where the map draws the incidents' rings now (page pixels). */
export interface IncidentProbe {
  rings: () => { id: number; place: string; status: string; x: number; y: number }[];
}

interface ProbeSlots {
  __curMapProbe?: MapProbe;
  __curDrillProbe?: DrillProbe;
  __curBasemapProbe?: BasemapProbe;
  __curIncidentProbe?: IncidentProbe;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the slots into Window
  interface Window extends ProbeSlots {}
}

/** Puts a probe on `window` in a test build; returns what takes it off again (a no-op elsewhere). */
export function exposeProbe<K extends keyof ProbeSlots>(
  name: K,
  make: () => NonNullable<ProbeSlots[K]>,
): () => void {
  if (process.env.NEXT_PUBLIC_TEST_HOOKS !== '1') return () => {};
  const probe = make();
  const slots: ProbeSlots = window;
  Object.assign(slots, { [name]: probe });
  return () => {
    if (slots[name] === probe) delete slots[name];
  };
}
