import { TZDate } from '@date-fns/tz';
import type { CategoryKind } from '../../db/seed/types';
import {
  CATEGORY_TEXTS,
  decorateForSource,
  fillTemplate,
  INCIDENT_TEXTS,
  type TextPlace,
} from '../classify/corpus';
import type { ComplaintInput } from '../ingest/types';
import type { Place, Placer } from './geography';
import { HOUR_MS, quarterRadiusM, type Incident } from './incidents';
import {
  BLOCK_WEIGHTS,
  CATEGORY_WEIGHTS,
  EMERGENCY_CATEGORIES,
  MEDIA_BLOCK_SOURCE_WEIGHTS,
  SOURCE_WEIGHTS,
  seasonalFactor,
} from './mix';
import { weightedTable, type Rng, type WeightedTable } from './random';
import { addPersonalDetails } from './signatures';
import { houseNumber, shortOkrug, STREETS } from './streets';

export interface CategoryInfo {
  code: string;
  blockCode: string;
  kind: CategoryKind;
  deadlineHours: number;
  /** The category's duplicate rule (reference data): incident reports stay inside it; defaults 300 m, 48 h. */
  duplicateRadiusM?: number;
  duplicateWindowHours?: number;
}

/** One generated message, with what the lifecycle plan needs besides the id the intake assigns. */
export interface GeneratedComplaint {
  input: ComplaintInput;
  receivedAt: Date;
  category: CategoryInfo;
}

export interface ComplaintFactory {
  /** A message of the normal flow at `at`: block, category, place and channel drawn from the real mix. */
  random(at: Date, rng: Rng): GeneratedComplaint;
  /** A message about a running incident: its category, near its town, on its streets. */
  forIncident(incident: Incident, at: Date, rng: Rng): GeneratedComplaint;
}

export interface FactoryOptions {
  categories: readonly CategoryInfo[];
  sourceCodes: readonly string[];
  placer: Placer;
  /** Prefix of every externalId; must differ between runs so that ids stay unique per source. */
  idPrefix: string;
}

const MAX_TEXT = 2000;
/**
 * Share of the normal flow that repeats a recent message: a neighbour writing about the same yard, pothole or
 * lamp post within the category's duplicate radius and window, as real intake sees (about one in eight).
 */
const REPEAT_SHARE = 0.12;
/** Recent messages a repeat may echo. */
const RECENT_KEPT = 400;
const DEFAULT_RADIUS_M = 300;
const DEFAULT_WINDOW_HOURS = 48;

interface Recent {
  at: number;
  category: CategoryInfo;
  place: Place;
  street: string;
}

/** Channels of incident reports: outages are phoned in and posted more than filed on the portal. */
const INCIDENT_SOURCE_WEIGHTS: Readonly<Record<string, number>> = {
  dobrodel: 30,
  incident: 35,
  'governor-hotline': 15,
  'call-112': 12,
  municipal: 5,
  'sector-systems': 3,
};

function moscowMonth(at: Date): number {
  return new TZDate(at.getTime(), 'Europe/Moscow').getMonth() + 1;
}

function sourceTable(
  weights: Readonly<Record<string, number>>,
  known: ReadonlySet<string>,
): WeightedTable<string> {
  const entries = Object.entries(weights).filter(([code]) => known.has(code));
  if (entries.length === 0) throw new Error("the reference data has none of the simulator's source codes");
  return weightedTable(entries);
}

export function createComplaintFactory(options: FactoryOptions): ComplaintFactory {
  const { placer } = options;
  const known = new Set(options.sourceCodes);
  const byBlock = new Map<string, CategoryInfo[]>();
  for (const c of options.categories) byBlock.set(c.blockCode, [...(byBlock.get(c.blockCode) ?? []), c]);
  const byCode = new Map(options.categories.map((c) => [c.code, c]));

  const blockTable = weightedTable(
    [...byBlock.keys()].map((code) => [code, BLOCK_WEIGHTS[code] ?? 1] as const),
  );
  const sources = sourceTable(SOURCE_WEIGHTS, known);
  const emergencySources = sourceTable(
    { ...SOURCE_WEIGHTS, 'call-112': (SOURCE_WEIGHTS['call-112'] ?? 0) * 4 },
    known,
  );
  const mediaSources = sourceTable(MEDIA_BLOCK_SOURCE_WEIGHTS, known);
  const incidentSources = sourceTable(INCIDENT_SOURCE_WEIGHTS, known);

  // Category tables depend on the season; a month's tables are built on first use.
  const tablesByMonth = new Map<number, Map<string, WeightedTable<CategoryInfo>>>();
  const categoryTable = (blockCode: string, month: number): WeightedTable<CategoryInfo> => {
    let tables = tablesByMonth.get(month);
    if (!tables) {
      tables = new Map();
      for (const [block, list] of byBlock) {
        const weighted = list.map(
          (c) => [c, (CATEGORY_WEIGHTS[c.code] ?? 1) * seasonalFactor(c.code, month)] as const,
        );
        // A block whose every topic is out of season still gets messages: fall back to the plain weights.
        const usable = weighted.some(([, w]) => w > 0) ? weighted : list.map((c) => [c, 1] as const);
        tables.set(block, weightedTable(usable));
      }
      tablesByMonth.set(month, tables);
    }
    return tables.get(blockCode)!;
  };

  let sequence = 0;
  const recent: Recent[] = [];
  /** A recent message of the normal flow still inside its category's window, or none. */
  const echoOf = (at: Date, rng: Rng): Recent | null => {
    if (recent.length === 0 || !rng.chance(REPEAT_SHARE)) return null;
    const first = recent[Math.floor(rng.next() * recent.length)]!;
    const windowMs = (first.category.duplicateWindowHours ?? DEFAULT_WINDOW_HOURS) * HOUR_MS;
    const age = at.getTime() - first.at;
    return age >= 0 && age <= windowMs ? first : null;
  };
  const remember = (entry: Recent) => {
    recent.push(entry);
    if (recent.length > RECENT_KEPT) recent.splice(0, recent.length - RECENT_KEPT);
  };
  const build = (
    at: Date,
    category: CategoryInfo,
    place: Place,
    street: string,
    source: string,
    templates: readonly string[],
    rng: Rng,
  ): GeneratedComplaint => {
    const house = houseNumber(rng);
    const textPlace: TextPlace = {
      town: place.town.label,
      street,
      house,
      okrug: shortOkrug(place.municipality.name),
    };
    const body = fillTemplate(rng.pick(templates), textPlace, rng);
    const decorated = decorateForSource(body, source, category.blockCode, textPlace, rng);
    const text = addPersonalDetails(decorated, source, rng).slice(0, MAX_TEXT);
    // A town that names its okrug (Балашиха, or «Балашиха, мкр Заря») needs no «г.о.» in front of it.
    const { shortName, adminCenter } = place.municipality;
    const label = place.town.label;
    const selfNamed = label === shortName || label.startsWith(`${adminCenter},`);
    const okrug = selfNamed ? '' : `${textPlace.okrug}, `;
    sequence += 1;
    return {
      receivedAt: at,
      category,
      input: {
        source,
        externalId: `${options.idPrefix}-${sequence.toString(36)}`,
        receivedAt: at.toISOString(),
        text,
        lat: place.lat,
        lon: place.lon,
        address: `Московская область, ${okrug}${place.town.label}, ${street}, д. ${house}`,
        category: category.code,
        block: category.blockCode,
      },
    };
  };

  const templatesOf = (code: string): readonly string[] => {
    const list = CATEGORY_TEXTS[code];
    if (!list || list.length === 0) throw new Error(`no message templates for category "${code}"`);
    return list;
  };

  return {
    random(at, rng) {
      const echo = echoOf(at, rng);
      if (echo) {
        const radius = echo.category.duplicateRadiusM ?? DEFAULT_RADIUS_M;
        const place = placer.around(echo.place, 0.8 * radius, rng);
        return build(
          at,
          echo.category,
          place,
          echo.street,
          sources.draw(rng),
          templatesOf(echo.category.code),
          rng,
        );
      }
      const block = blockTable.draw(rng);
      const category = categoryTable(block, moscowMonth(at)).draw(rng);
      const source =
        block === 'media'
          ? mediaSources.draw(rng)
          : EMERGENCY_CATEGORIES.has(category.code)
            ? emergencySources.draw(rng)
            : sources.draw(rng);
      const place = placer.randomPlace(rng);
      const street = rng.pick(STREETS);
      remember({ at: at.getTime(), category, place, street });
      return build(at, category, place, street, source, templatesOf(category.code), rng);
    },
    forIncident(incident, at, rng) {
      const category = byCode.get(incident.categoryCode);
      if (!category) throw new Error(`incident category "${incident.categoryCode}" is not in the catalogue`);
      // Every report from around one quarter: they join one problem, as neighbours' reports of one outage do.
      const place = placer.around(
        incident.quarter,
        quarterRadiusM(category.duplicateRadiusM ?? DEFAULT_RADIUS_M),
        rng,
      );
      const special = INCIDENT_TEXTS[category.code];
      const templates = special && rng.chance(0.6) ? special : templatesOf(category.code);
      return build(
        at,
        category,
        place,
        rng.pick(incident.streets),
        incidentSources.draw(rng),
        templates,
        rng,
      );
    },
  };
}
