import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The project's copy of the 57 municipalities: the same rows the reference is seeded from, without a database. */
export const MUNICIPALITIES_CSV = path.join(process.cwd(), 'public', 'geo', 'mo_municipalities.csv');

let cached: ReadonlySet<string> | null | undefined;

/**
 * OKTMO codes of the region's municipalities, or null when the file is not there (a trimmed deployment): the
 * wall layout is then checked for the code's shape only and the screen answers 404 for an unknown one.
 * Read on first use, so a layout without a municipality screen never touches the file.
 */
export function knownMunicipalityCodes(file = MUNICIPALITIES_CSV): ReadonlySet<string> | null {
  if (file === MUNICIPALITIES_CSV && cached !== undefined) return cached;
  let codes: ReadonlySet<string> | null;
  try {
    const [, ...lines] = readFileSync(/*turbopackIgnore: true*/ file, 'utf8').trim().split(/\r?\n/);
    // oktmo is the first column and never quoted: no need for a full CSV parser.
    codes = new Set(lines.map((line) => line.slice(0, line.indexOf(',')).trim()).filter(Boolean));
  } catch {
    codes = null;
  }
  if (file === MUNICIPALITIES_CSV) cached = codes;
  return codes;
}
