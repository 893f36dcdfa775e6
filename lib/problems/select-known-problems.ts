import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client';
import { pgArray } from '../../db/pg-array';
import { HOUR_MS } from '../domain/time-units';
import {
  DEFAULT_DUPLICATE_RULE,
  type DuplicateRule,
  type KnownProblem,
  type ProblemCandidate,
} from './match-problems';
import { candidateCells, coarseCellOf, usesCellFilter } from './problem-geometry';

interface KnownRow {
  id: string | number | bigint;
  category_code: string;
  municipality_oktmo: string | null;
  lat: number | string | null;
  lon: number | string | null;
  first_at: Date | string;
  last_at: Date | string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const num = (v: number | string | null) => (v === null ? null : Number(v));

/**
 * The stored problems a batch could join, in one statement: for narrow categories those anchored in the
 * cells of each complaint's first ring that reach within its radius (the (category, cell, last_at) index),
 * for wide ones every located
 * problem of the category, for complaints without coordinates the unlocated problems of their municipality;
 * each only when its last complaint is recent enough for the earliest complaint of its category in the batch.
 */
export async function selectKnownProblems(
  tx: Tx,
  items: readonly ProblemCandidate[],
  rules: ReadonlyMap<string, DuplicateRule>,
): Promise<KnownProblem[]> {
  const sinceByCategory = new Map<string, number>();
  const narrow = new Map<string, [category: string, cell: string]>();
  const wide = new Set<string>();
  const unlocated = new Map<string, [category: string, oktmo: string]>();
  for (const item of items) {
    const category = item.categoryCode;
    if (category === null || item.blockCode === null) continue;
    const rule = rules.get(category) ?? DEFAULT_DUPLICATE_RULE;
    const since = item.receivedAt.getTime() - rule.windowHours * HOUR_MS;
    sinceByCategory.set(category, Math.min(since, sinceByCategory.get(category) ?? Infinity));
    if (item.lat !== null && item.lon !== null) {
      if (!usesCellFilter(rule.radiusM)) wide.add(category);
      else {
        const home = coarseCellOf(item.lat, item.lon);
        for (const cell of candidateCells(home, item.lat, item.lon, rule.radiusM)) {
          narrow.set(`${category}\u0000${cell}`, [category, cell]);
        }
      }
    } else if (item.municipalityOktmo !== null) {
      unlocated.set(`${category}\u0000${item.municipalityOktmo}`, [category, item.municipalityOktmo]);
    }
  }
  if (narrow.size + wide.size + unlocated.size === 0) return [];

  const sinceOf = (category: string) => iso(sinceByCategory.get(category)!);
  const n = [...narrow.values()];
  const w = [...wide];
  const u = [...unlocated.values()];
  const columns = sql`p.id, p.category_code, p.municipality_oktmo, p.lat, p.lon, p.first_at, p.last_at`;
  // Each key probes the (category, cell, last_at) index on its own: `offset 0` keeps the lateral subquery from
  // being flattened into a join the planner may answer by sorting every problem ever stored (it does so on
  // a young table without statistics, and a sort of text keys costs more than thousands of index probes).
  const rows = rowsOf<KnownRow>(
    await tx.execute(sql`
      select p.* from unnest(${pgArray(n.map(([c]) => c))}::text[], ${pgArray(n.map(([, h]) => h))}::text[],
                             ${pgArray(n.map(([c]) => sinceOf(c)))}::timestamptz[]) as k(c, h, s)
      cross join lateral (
        select ${columns} from problems p
        where p.category_code = k.c and p.h3_coarse = k.h and p.last_at >= k.s offset 0) p
      union all
      select p.* from unnest(${pgArray(w)}::text[], ${pgArray(w.map(sinceOf))}::timestamptz[]) as k(c, s)
      cross join lateral (
        select ${columns} from problems p
        where p.category_code = k.c and p.last_at >= k.s and p.lat is not null offset 0) p
      union all
      select p.* from unnest(${pgArray(u.map(([c]) => c))}::text[], ${pgArray(u.map(([, m]) => m))}::text[],
                             ${pgArray(u.map(([c]) => sinceOf(c)))}::timestamptz[]) as k(c, m, s)
      cross join lateral (
        select ${columns} from problems p
        where p.category_code = k.c and p.last_at >= k.s and p.municipality_oktmo = k.m and p.lat is null
        offset 0) p`),
  );
  // The three branches are disjoint (narrow/wide by category, located/unlocated by lat); the map is a guard.
  const byId = new Map<number, KnownProblem>();
  for (const r of rows) {
    const id = Number(r.id);
    byId.set(id, {
      id,
      categoryCode: r.category_code,
      municipalityOktmo: r.municipality_oktmo,
      lat: num(r.lat),
      lon: num(r.lon),
      firstAt: new Date(r.first_at),
      lastAt: new Date(r.last_at),
    });
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
