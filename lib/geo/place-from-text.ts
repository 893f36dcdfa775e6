import { PLACES_FILE, type PlaceRow, readPlaceRows } from './place-csv';
import { buildPlaceIndex } from './place-index';
import { resolveMentions } from './place-resolve';
import { scanPlaces } from './place-scan';
import type { PlaceMatch } from './place-match';

export type { PlaceRow } from './place-csv';

export type { PlaceMatch } from './place-match';

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
