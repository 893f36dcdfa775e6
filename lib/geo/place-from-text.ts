import { type ForeignReference, readForeignReference } from './foreign-reference';
import { buildForeignIndex, scanForeign } from './foreign-scan';
import { PLACES_FILE, type PlaceRow, readPlaceRows } from './place-csv';
import { nameWords } from './place-forms';
import { nonPlaceTokens } from './place-guards';
import { buildPlaceIndex } from './place-index';
import { resolveMentions } from './place-resolve';
import { scanPlaces } from './place-scan';
import { homeRegionNamed } from './place-support';
import { tokenize } from './place-tokens';
import type { PlaceMatch } from './place-match';

export type { PlaceRow } from './place-csv';

export type { PlaceMatch } from './place-match';

export interface PlaceFinder {
  find(text: string): PlaceMatch;
}

/**
 * A finder over the given gazetteer rows and, when given, the rest of Russia's regions and towns. Every
 * inflected form of every name is generated up front, so `find` is one tokenisation and a few linear scans
 * with map look-ups.
 *
 * Another region wins when the text names it as the writer's place (its name, a town after «г.» or in an
 * address) and does not name Moscow Oblast itself; a big town's name alone («в Казани») wins only over
 * namesakes. Then the answer is `foreign` and no place of ours is given.
 */
export function createPlaceFinder(
  rows: PlaceRow[],
  foreign: ForeignReference = { regions: [], towns: [] },
): PlaceFinder {
  const index = buildPlaceIndex(rows);
  const foreignIndex = buildForeignIndex(foreign, new Set(rows.map((r) => nameWords(r.nameNorm).join(' '))));
  return {
    find(text) {
      const tokens = tokenize(text);
      const blocked = nonPlaceTokens(tokens);
      const home = homeRegionNamed(text, tokens);
      const mentions = scanPlaces(index, text, tokens, blocked);
      // «Туголесский Бор» is ours whole: its «Бор» is not the town of Nizhny Novgorod Oblast.
      const ours = blocked.slice();
      for (const m of mentions) ours.fill(1, m.start, m.end);
      const elsewhere = home ? null : scanForeign(foreignIndex, text, tokens, ours);
      if (elsewhere && (elsewhere.strong || mentions.every((m) => m.weak)))
        return { kind: 'foreign', region: elsewhere.region, matched: elsewhere.surface };
      return resolveMentions(mentions, home);
    },
  };
}

/** The finder over public/geo/mo_places.csv and ru_cities.geojson (relative to the working directory). */
export function loadPlaceFinder(file: string = PLACES_FILE): PlaceFinder {
  return createPlaceFinder(readPlaceRows(file), readForeignReference());
}
