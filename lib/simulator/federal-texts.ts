import { CATEGORY_TEXTS, fillTemplate, type TextPlace } from '../classify/corpus';
import type { ComplaintInput } from '../ingest/types';
import type { RegionCity } from '../federal/region-directory';
import type { CategoryInfo } from './generator';
import { BLOCK_WEIGHTS, CATEGORY_WEIGHTS } from './mix';
import { weightedTable, type Rng, type WeightedTable } from './random';
import { houseNumber, STREETS } from './streets';

/** Templates that speak of Moscow Oblast's own bodies or portal do not fit another region's resident. */
const HOME_SPECIFIC =
  /(^|[^\p{L}])(МО|Московск\p{L}*|Подмосков\p{L}*|Мосавтодор\p{L}*|Мострансавто|Добродел\p{L}*)([^\p{L}]|$)/u;

/** The channels every regional center has; the portal and the agencies' wrappers are the home region's. */
const FEDERAL_SOURCE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['incident', 45],
  ['governor-hotline', 20],
  ['call-112', 12],
  ['municipal', 13],
  ['media', 10],
];

export interface FederalTextFactory {
  /** A message of a resident of `city` about a category drawn from the real mix, with the city named. */
  make(
    region: string,
    city: RegionCity,
    point: { lat: number; lon: number } | null,
    at: Date,
    rng: Rng,
    externalId: string,
  ): ComplaintInput;
}

export function createFederalTextFactory(
  categories: readonly CategoryInfo[],
  knownSources: ReadonlySet<string>,
): FederalTextFactory {
  const usable = categories
    .map((c) => [c, (CATEGORY_TEXTS[c.code] ?? []).filter((t) => !HOME_SPECIFIC.test(t))] as const)
    .filter(([, templates]) => templates.length > 0);
  if (usable.length === 0) throw new Error('federal feed: no category has a region-neutral template');
  // The home simulator's mix: a block by its weight, then a category by its weight within the block.
  const blockTotals = new Map<string, number>();
  for (const [c] of usable)
    blockTotals.set(c.blockCode, (blockTotals.get(c.blockCode) ?? 0) + (CATEGORY_WEIGHTS[c.code] ?? 1));
  const table: WeightedTable<(typeof usable)[number]> = weightedTable(
    usable.map((u) => {
      const [c] = u;
      const share = (CATEGORY_WEIGHTS[c.code] ?? 1) / (blockTotals.get(c.blockCode) ?? 1);
      return [u, (BLOCK_WEIGHTS[c.blockCode] ?? 1) * share] as const;
    }),
  );
  const sources = weightedTable(FEDERAL_SOURCE_WEIGHTS.filter(([s]) => knownSources.has(s)));
  return {
    make(region, city, point, at, rng, externalId) {
      const [category, templates] = table.draw(rng);
      const street = rng.pick(STREETS);
      const place: TextPlace = { town: city.name, street, house: houseNumber(rng), okrug: `г. ${city.name}` };
      const body = fillTemplate(rng.pick(templates), place, rng);
      const source = sources.draw(rng);
      const wrapped = wrap(body, source, city.name);
      // Every message names its city, once: the channel's header may already do it.
      const text = wrapped.includes(city.name)
        ? wrapped
        : wrap(`${city.name}, ${street}, д. ${place.house}. ${body}`, source, city.name);
      return {
        source,
        externalId,
        receivedAt: at.toISOString(),
        text,
        ...(point ? { lat: point.lat, lon: point.lon } : {}),
        address: `г. ${city.name}, ${street}, д. ${place.house}`,
        category: category.code,
        block: category.blockCode,
        region,
      };
    },
  };
}

function wrap(text: string, source: string, city: string): string {
  switch (source) {
    case 'governor-hotline':
      return `Обращение на горячую линию главы региона. Заявитель сообщает: ${text}`;
    case 'call-112':
      return `Звонок в Систему 112. ${text}`;
    case 'municipal':
      return `Передано администрацией г. ${city}: ${text}`;
    case 'media':
      return `Публикация в местных СМИ: ${text}`;
    default:
      return text;
  }
}
