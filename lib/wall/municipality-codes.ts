import { MUNICIPALITIES_CSV, readMunicipalitiesCsv } from '../reference/municipalities-csv';

let cached: ReadonlySet<string> | null | undefined;

/**
 * OKTMO codes of the region's municipalities, from the project's copy of the rows the reference is seeded from
 * (no database at config time), or null when the file is not there (a trimmed deployment): the wall layout is
 * then checked for the code's shape only and the screen answers 404 for an unknown one. Read on first use, so a
 * layout without a municipality screen never touches the file.
 */
export function knownMunicipalityCodes(file = MUNICIPALITIES_CSV): ReadonlySet<string> | null {
  if (file === MUNICIPALITIES_CSV && cached !== undefined) return cached;
  let codes: ReadonlySet<string> | null;
  try {
    codes = new Set(readMunicipalitiesCsv(file).map((m) => m.oktmo));
  } catch {
    codes = null;
  }
  if (file === MUNICIPALITIES_CSV) cached = codes;
  return codes;
}
