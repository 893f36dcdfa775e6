import type { ReferenceCache } from '../reference/types';
import type { WeekGroup } from './get-briefing-week-groups';
import type { IncidentRecord } from './get-briefing-incidents';
import type { BlockProblems, BriefingIncident, BriefingProblem } from './types';

/** A finished problem this small is routine work, not one of the week's top problems. */
const SMALL_SOLVED_MAX = 3;

const keyOf = (municipality: string | null, category: string) => `${municipality ?? ''}|${category}`;

interface Names {
  blockName: string;
  categoryName: string;
  municipalityName: string;
}

function namesOf(ref: ReferenceCache, block: string, category: string, oktmo: string | null): Names {
  return {
    blockName: ref.blocks.get(block)?.name ?? block,
    categoryName: ref.categories.get(category)?.name ?? category,
    municipalityName: oktmo ? (ref.municipalities.get(oktmo)?.shortName ?? oktmo) : 'Место не указано',
  };
}

/**
 * The week's incidents from the incidents table, one per place and category (a place whose burst came back
 * twice in a week is one line, with its larger burst), largest first.
 */
export function incidentsFromTable(rows: IncidentRecord[], ref: ReferenceCache): BriefingIncident[] {
  const best = new Map<string, IncidentRecord>();
  for (const r of rows) {
    const key = keyOf(r.municipality, r.category);
    const seen = best.get(key);
    if (!seen || r.complaints > seen.complaints) best.set(key, r);
  }
  return [...best.values()]
    .sort((a, b) => b.complaints - a.complaints || a.openedAt.getTime() - b.openedAt.getTime())
    .map((r) => {
      const m = ref.municipalities.get(r.municipality);
      return {
        key: keyOf(r.municipality, r.category),
        id: r.id,
        block: r.block,
        category: r.category,
        municipality: r.municipality,
        ...namesOf(ref, r.block, r.category, r.municipality),
        place: r.place,
        lat: r.lat ?? m?.centerLat ?? 0,
        lon: r.lon ?? m?.centerLon ?? 0,
        since: r.openedAt.toISOString(),
        complaints: r.complaints,
        usualLow: r.usualLow,
        usualHigh: r.usualHigh,
        status: r.status,
      };
    });
}

/**
 * Each block's top problems of the week, one line per category and municipality (two problems of one kind in
 * one town are one line, «в 3 местах»): first those that are an incident, carrying the incident's own numbers,
 * then the largest of the rest that are still open or drew more than a handful of complaints. A solved problem
 * of 1–3 complaints is routine and never a «top problem».
 */
export function topProblems(
  groups: WeekGroup[],
  incidents: BriefingIncident[],
  ref: ReferenceCache,
  blockCodes: readonly string[],
  perBlock: number,
): BlockProblems[] {
  const incidentOf = new Map(incidents.map((i) => [i.key, i]));
  const items: (BriefingProblem & { block: string })[] = [];
  const seen = new Set<string>();
  for (const g of groups) {
    const key = keyOf(g.municipality, g.category);
    seen.add(key);
    const incident = incidentOf.get(key) ?? null;
    if (!incident && g.open === 0 && g.current <= SMALL_SOLVED_MAX) continue;
    items.push(problemOf(key, g, incident, ref));
  }
  // An incident whose complaints all came before the week's span still belongs to the week's trouble.
  for (const incident of incidents) if (!seen.has(incident.key)) items.push(problemOfIncident(incident));
  const rank = (p: BriefingProblem) => (p.incident ? p.incident.complaints : p.current);
  items.sort(
    (a, b) =>
      Number(b.incident !== null) - Number(a.incident !== null) ||
      rank(b) - rank(a) ||
      b.open - a.open ||
      a.key.localeCompare(b.key),
  );
  return blockCodes.map((code) => ({
    code,
    name: ref.blocks.get(code)?.name ?? code,
    problems: items
      .filter((p) => p.block === code)
      .slice(0, perBlock)
      .map(({ block: _block, ...p }) => p),
  }));
}

function problemOf(
  key: string,
  g: WeekGroup,
  incident: BriefingIncident | null,
  ref: ReferenceCache,
): BriefingProblem & { block: string } {
  const names = namesOf(ref, g.block, g.category, g.municipality);
  return {
    key,
    block: g.block,
    category: g.category,
    categoryName: names.categoryName,
    municipality: g.municipality,
    municipalityName: names.municipalityName,
    current: g.current,
    previous: g.previous,
    open: g.open,
    problems: g.problems,
    firstAt: g.firstAt.toISOString(),
    incident,
  };
}

function problemOfIncident(i: BriefingIncident): BriefingProblem & { block: string } {
  return {
    key: i.key,
    block: i.block,
    category: i.category,
    categoryName: i.categoryName,
    municipality: i.municipality,
    municipalityName: i.municipalityName,
    current: 0,
    previous: 0,
    open: 0,
    problems: 0,
    firstAt: i.since,
    incident: i,
  };
}
