/**
 * Small lookup tables the SQL history generator draws from, built in Node where h3-js and the app's locator
 * live: places (with H3 cells, weighted by population through repetition), categories and sources (weighted by
 * the real mix through repetition), the hour-of-day rhythm, and resident texts per category.
 */
import type { Sql } from 'postgres';
import { CATEGORY_TEXTS } from '../../lib/classify/corpus';
import { categoryWeights, sourceWeights, type Reference } from './complaints';
import { buildPointPool, seededRandom } from './geo-points';
import { renderText } from './texts';

/** Texts per category; `{town}` is left in and filled from the drawn place in SQL. */
export const TEXTS_PER_CATEGORY = 12;
const TABLE_SLOTS = 2000;

/** Moscow-time hourly shares of a working day of a ЦУР (quiet nights, a morning peak, a long evening). */
const HOUR_WEIGHTS = [2, 1, 1, 1, 1, 2, 4, 7, 9, 10, 10, 9, 9, 9, 9, 9, 8, 8, 8, 7, 6, 5, 4, 3];

/** Spreads weighted entries over `slots` rows (each at least one), so a uniform row pick follows the weights. */
function repeatByWeight<T>(entries: [T, number][], slots: number): T[] {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const out: T[] = [];
  for (const [value, w] of entries) {
    const n = Math.max(1, Math.round((w / total) * slots));
    for (let i = 0; i < n; i++) out.push(value);
  }
  return out;
}

export interface LookupSizes {
  points: number;
  categories: number;
  sources: number;
  hours: number;
}

async function fill(
  sql: Sql,
  table: string,
  columns: string[],
  rows: (string | number | null)[][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows
      .slice(i, i + 1000)
      .map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k] ?? null])));
    await sql`insert into ${sql(table)} ${sql(part, ...columns)}`;
  }
}

export async function createLookups(sql: Sql, root: string, ref: Reference): Promise<LookupSizes> {
  const rnd = seededRandom(11);
  const pool = buildPointPool(6000, 3);
  await sql.unsafe(`
    drop table if exists bench_points, bench_categories, bench_sources, bench_hours, bench_texts;
    create table bench_points (i int primary key, lat float8, lon float8, oktmo text, town text, h3_fine text, h3_coarse text);
    create table bench_categories (i int primary key, k int, code text, block text, deadline_hours int);
    create table bench_sources (i int primary key, code text);
    create table bench_hours (i int primary key, h int);
    create table bench_texts (i int primary key, body text);`);
  await fill(
    sql,
    'bench_points',
    ['i', 'lat', 'lon', 'oktmo', 'town', 'h3_fine', 'h3_coarse'],
    pool.points.map((p, i) => [i, p.lat, p.lon, p.oktmo, p.town, p.h3Fine, p.h3Coarse]),
  );
  const cats = ref.categories;
  const k = new Map(cats.map((c, i) => [c.code, i]));
  const catSlots = repeatByWeight(categoryWeights(ref), TABLE_SLOTS);
  await fill(
    sql,
    'bench_categories',
    ['i', 'k', 'code', 'block', 'deadline_hours'],
    catSlots.map((c, i) => [i, k.get(c.code)!, c.code, c.block, c.deadlineHours]),
  );
  const srcSlots = repeatByWeight(sourceWeights(ref), 200);
  await fill(
    sql,
    'bench_sources',
    ['i', 'code'],
    srcSlots.map((code, i) => [i, code]),
  );
  const hourSlots = repeatByWeight(
    HOUR_WEIGHTS.map((w, h) => [h, w]),
    1000,
  );
  await fill(
    sql,
    'bench_hours',
    ['i', 'h'],
    hourSlots.map((h, i) => [i, h]),
  );
  const texts: [number, string][] = [];
  cats.forEach((c, ci) => {
    for (let j = 0; j < TEXTS_PER_CATEGORY; j++)
      texts.push([ci * TEXTS_PER_CATEGORY + j, renderText(CATEGORY_TEXTS[c.code], '{town}', rnd)]);
  });
  await fill(sql, 'bench_texts', ['i', 'body'], texts);
  return {
    points: pool.points.length,
    categories: catSlots.length,
    sources: srcSlots.length,
    hours: hourSlots.length,
  };
}

export async function dropLookups(sql: Sql): Promise<void> {
  await sql.unsafe(
    'drop table if exists bench_points, bench_categories, bench_sources, bench_hours, bench_texts',
  );
}
