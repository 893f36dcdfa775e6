import type { PlaceKind, PlaceRow } from './place-csv';
import type { PlaceHit, PlaceMatch } from './place-match';
import type { TextMention } from './place-scan';

/** How narrow a place is: a village or a town district says more than the town, the town more than its okrug. */
const SPECIFICITY: Record<PlaceKind, number> = {
  municipality: 0,
  admin_center: 1,
  city: 2,
  settlement: 3,
  city_part: 3,
};

export function toPlaceHit(row: PlaceRow): PlaceHit {
  return {
    name: row.name,
    kind: row.kind,
    oktmo: row.oktmo,
    municipality: row.municipality,
    lat: row.lat,
    lon: row.lon,
  };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/**
 * Drops the namesakes a text does not support (see place-policy): next to a certain place, a namesake of
 * another okrug goes; with namesakes alone, the answer stays a candidate unless two of them agree.
 */
export function resolveMentions(mentions: readonly TextMention[], supported: boolean): PlaceMatch {
  if (supported || mentions.every((m) => !m.weak)) return resolveAgreed(mentions);
  const certain = mentions.filter((m) => !m.weak);
  if (certain.length > 0) {
    const okrugs = new Set(certain.flatMap((m) => m.rows.map((r) => r.oktmo)));
    return resolveAgreed(mentions.filter((m) => !m.weak || m.rows.some((r) => okrugs.has(r.oktmo))));
  }
  const match = resolveAgreed(mentions);
  const names = new Set(mentions.map((m) => m.rows.map((r) => r.name).join()));
  if (match.kind !== 'found' || names.size > 1) return match;
  return {
    kind: 'ambiguous',
    name: match.place.name,
    matched: unique(mentions.map((m) => m.surface)).join(', '),
    candidates: unique(mentions.flatMap((m) => m.rows)).map(toPlaceHit),
  };
}

/**
 * Turns the mentions of a text into one answer. Each mention allows a set of okrugs; the text points at an
 * okrug when exactly one okrug is allowed by every mention («Жуковка, Пушкинский округ» → Пушкинский). Then the
 * narrowest place in it wins, the first mentioned on a tie. Otherwise the answer is ambiguous with every
 * candidate still allowed; a name found in several okrugs is never settled by population or order.
 */
function resolveAgreed(mentions: readonly TextMention[]): PlaceMatch {
  if (mentions.length === 0) return { kind: 'none' };
  const [first, ...rest] = mentions.map((m) => new Set(m.rows.map((r) => r.oktmo)));
  const agreed = new Set([...(first ?? [])].filter((oktmo) => rest.every((okrugs) => okrugs.has(oktmo))));
  if (agreed.size === 1) {
    let best: { row: PlaceRow; surface: string } | null = null;
    for (const m of mentions)
      for (const row of m.rows)
        if (agreed.has(row.oktmo) && (!best || SPECIFICITY[row.kind] > SPECIFICITY[best.row.kind]))
          best = { row, surface: m.surface };
    if (best) return { kind: 'found', place: toPlaceHit(best.row), matched: best.surface };
  }
  // Several okrugs fit every mention: only those stay candidates; no okrug fits all: everything does.
  const rows = mentions.flatMap((m) => m.rows).filter((r) => agreed.size === 0 || agreed.has(r.oktmo));
  return {
    kind: 'ambiguous',
    name: unique(mentions.flatMap((m) => m.rows.map((r) => r.name))).join(', '),
    matched: unique(mentions.map((m) => m.surface)).join(', '),
    candidates: unique(rows).map(toPlaceHit),
  };
}
