import { PLACES_FILE, type PlaceRow, readPlaceRows } from './place-csv';
import { buildPlaceIndex } from './place-index';
import { resolveMentions } from './place-resolve';
import { scanPlaces } from './place-scan';

export type { PlaceRow } from './place-csv';

/** A gazetteer place, as handed to callers. */
export interface PlaceHit {
  name: string;
  kind: string;
  oktmo: string;
  /** The okrug's official name («Городской округ Балашиха»). */
  municipality: string;
  lat: number;
  lon: number;
}

/**
 * `found`: the text points at one okrug; `place` is the narrowest place named in it and `matched` the text
 * that named it. `ambiguous`: the names fit several okrugs (a name shared by several, or places in different
 * okrugs); `name` and `matched` list the names and texts involved, `candidates` every place still possible.
 */
export type PlaceMatch =
  | { kind: 'found'; place: PlaceHit; matched: string }
  | { kind: 'ambiguous'; name: string; matched: string; candidates: PlaceHit[] }
  | { kind: 'none' };

export interface PlaceFinder {
  find(text: string): PlaceMatch;
}

/**
 * A finder over the given gazetteer rows. Every inflected form of every name is generated up front, so
 * `find` is a single token scan with map look-ups.
 */
export function createPlaceFinder(rows: PlaceRow[]): PlaceFinder {
  const index = buildPlaceIndex(rows);
  return {
    find(text) {
      return resolveMentions(scanPlaces(index, text));
    },
  };
}

/** The finder over public/geo/mo_places.csv (relative to the working directory by default). */
export function loadPlaceFinder(file: string = PLACES_FILE): PlaceFinder {
  return createPlaceFinder(readPlaceRows(file));
}
