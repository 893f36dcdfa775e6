/**
 * Valid complaints for the intake API, built before the clock starts: a few batch templates whose externalIds
 * carry a marker, so each POST only swaps the marker for a fresh prefix (no per-request JSON building in the
 * driver, which shares the two cores with the server). The same templates also give the rows for the COPY
 * ceiling, with every value the app derives (municipality, due time, H3 cells) computed here.
 */
import { BLOCK_WEIGHTS, CATEGORY_WEIGHTS, SOURCE_WEIGHTS } from '../../lib/simulator/mix';
import { CATEGORY_TEXTS } from '../../lib/classify/corpus';
import type { GeoPoint, PointPool } from './geo-points';
import { seededRandom } from './geo-points';
import { renderText } from './texts';

export interface Reference {
  categories: { code: string; block: string; deadlineHours: number; deadlineWorkingDays: number | null }[];
  sources: { code: string }[];
  municipalities: { code: string }[];
}

export const ID_MARKER = '§§';
const MOSCOW_OFFSET_MS = 3 * 3600_000;

export interface TemplateItem {
  source: string;
  receivedAtMs: number;
  text: string;
  point: GeoPoint;
  category: Reference['categories'][number];
}

export interface BatchTemplate {
  /** JSON body with ID_MARKER where each externalId's batch prefix goes. */
  body: string;
  items: TemplateItem[];
}

/** An ISO time with the Moscow offset, as a regional system would send it. */
export function moscowIso(ms: number): string {
  return new Date(ms + MOSCOW_OFFSET_MS).toISOString().replace('Z', '+03:00');
}

/** Start of today in Moscow (UTC+3 all year), in ms. */
export function moscowMidnight(nowMs: number): number {
  const day = 86_400_000;
  return Math.floor((nowMs + MOSCOW_OFFSET_MS) / day) * day - MOSCOW_OFFSET_MS;
}

/** A weighted picker over `[value, weight]` entries: one uniform draw, binary search on the cumulative sums. */
export function weightedPicker<T>(entries: [T, number][], rnd: () => number): () => T {
  const cum: number[] = [];
  let sum = 0;
  for (const [, w] of entries) cum.push((sum += w));
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return entries[lo]![0];
  };
}

/** The category mix of a real centre (block share × weight within block); unknown codes weigh 1. */
export function categoryWeights(ref: Reference): [Reference['categories'][number], number][] {
  const perBlock = new Map<string, number>();
  for (const c of ref.categories)
    perBlock.set(c.block, (perBlock.get(c.block) ?? 0) + (CATEGORY_WEIGHTS[c.code] ?? 1));
  return ref.categories.map((c) => [
    c,
    ((BLOCK_WEIGHTS[c.block] ?? 1) * (CATEGORY_WEIGHTS[c.code] ?? 1)) / (perBlock.get(c.block) ?? 1),
  ]);
}

export function sourceWeights(ref: Reference): [string, number][] {
  return ref.sources.map((s) => [s.code, SOURCE_WEIGHTS[s.code] ?? 1]);
}

export interface TemplateOptions {
  batchSize: number;
  count: number;
  /** receivedAt is drawn in [from, to] (ms); the API refuses the future and anything older than 5 years. */
  receivedFrom: number;
  receivedTo: number;
  seed?: number;
}

export function buildTemplates(ref: Reference, pool: PointPool, opts: TemplateOptions): BatchTemplate[] {
  const rnd = seededRandom(opts.seed ?? 7);
  const pickCategory = weightedPicker(categoryWeights(ref), rnd);
  const pickSource = weightedPicker(sourceWeights(ref), rnd);
  const templates: BatchTemplate[] = [];
  for (let t = 0; t < opts.count; t++) {
    const items: TemplateItem[] = [];
    const json: string[] = [];
    for (let i = 0; i < opts.batchSize; i++) {
      const point = pool.points[Math.floor(rnd() * pool.points.length)]!;
      const category = pickCategory();
      const item: TemplateItem = {
        source: pickSource(),
        receivedAtMs: Math.round(opts.receivedFrom + rnd() * (opts.receivedTo - opts.receivedFrom)),
        text: renderText(CATEGORY_TEXTS[category.code], point.town, rnd),
        point,
        category,
      };
      items.push(item);
      json.push(
        JSON.stringify({
          source: item.source,
          externalId: `${ID_MARKER}-${i}`,
          receivedAt: moscowIso(item.receivedAtMs),
          text: item.text,
          lat: point.lat,
          lon: point.lon,
          category: category.code,
        }),
      );
    }
    templates.push({ body: `{"complaints":[${json.join(',')}]}`, items });
  }
  return templates;
}

/** The body of one POST: the template with a batch prefix no other request uses (so nothing is a duplicate). */
export function bodyFor(template: BatchTemplate, prefix: string): string {
  return template.body.replaceAll(ID_MARKER, prefix);
}
