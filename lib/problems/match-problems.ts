import { HOUR_MS } from '../domain/time-units';
import { candidateCells, coarseCellOf, distanceM, usesCellFilter } from './problem-geometry';
import type { DuplicateRule } from '../reference/duplicate-rules';

/** A complaint about to be given a problem. Without a category (or block) it gets none. */
export interface ProblemCandidate {
  categoryCode: string | null;
  blockCode: string | null;
  municipalityOktmo: string | null;
  lat: number | null;
  lon: number | null;
  receivedAt: Date;
}

/** Complaints of a category within `radiusM` of a problem's anchor join it while it is active. */
/** The columns' defaults (a house and two days): used for a category the rule map does not know. */
export type { DuplicateRule };

export const DEFAULT_DUPLICATE_RULE: DuplicateRule = { radiusM: 300, windowHours: 48 };

/** A stored problem that may still take complaints (what the join selects near the batch). */
export interface KnownProblem {
  id: number;
  categoryCode: string;
  municipalityOktmo: string | null;
  lat: number | null;
  lon: number | null;
  firstAt: Date;
  lastAt: Date;
}

/** A problem the batch starts, anchored at the complaint that started it. */
export interface NewProblem {
  categoryCode: string;
  blockCode: string;
  municipalityOktmo: string | null;
  lat: number | null;
  lon: number | null;
  h3Coarse: string | null;
}

/** A stored problem by id, or a problem of this batch by its index in `ProblemMatch.created`. */
export type ProblemRef = { existing: number } | { created: number };

export interface ProblemMatch {
  /** Per candidate, in input order: the problem it reports, or null without a category. */
  refs: (ProblemRef | null)[];
  created: NewProblem[];
}

interface Tracked {
  ref: ProblemRef;
  lat: number | null;
  lon: number | null;
  firstAt: number;
  lastAt: number;
}

// Bucket keys: narrow categories by cell, wide ones by category, unlocated problems by municipality.
const narrowKey = (category: string, cell: string) => `n\u0000${category}\u0000${cell}`;
const wideKey = (category: string) => `w\u0000${category}`;
const unlocatedKey = (category: string, oktmo: string) => `u\u0000${category}\u0000${oktmo}`;

function bucketKey(
  category: string,
  oktmo: string | null,
  lat: number | null,
  lon: number | null,
  rule: DuplicateRule,
): string | null {
  if (lat === null || lon === null) return oktmo === null ? null : unlocatedKey(category, oktmo);
  return usesCellFilter(rule.radiusM) ? narrowKey(category, coarseCellOf(lat, lon)) : wideKey(category);
}

/**
 * Active while the complaint falls within the window of the problem's span: after its last complaint (the usual
 * case) or before its first one (a late delivery, e.g. a channel that forwards a day's posts at once). A
 * complaint dated inside the span belongs to it whatever the span's length.
 */
function isActiveAt(problem: Tracked, at: number, windowMs: number): boolean {
  return at <= problem.lastAt + windowMs && at >= problem.firstAt - windowMs;
}

/**
 * Decides for each complaint which problem it reports: the nearest problem of its category whose anchor is
 * within the category's radius and which is active at the complaint's time; else it starts a new problem.
 * Complaints are taken in time order and a new problem is at once a candidate for the rest of the batch, so a
 * batch of 300 posts about one outage becomes one problem whatever order they came in.
 *
 * A problem's anchor is its first complaint's point and never moves. Were it to follow its complaints (their
 * centroid, or the last one), a chain of complaints each a little closer to the next town would drag the
 * problem across a district and glue separate outages together; a fixed anchor bounds a problem to one circle.
 *
 * Complaints without coordinates (a social-network post placed only in a town) join only a problem without
 * coordinates of the same category and municipality: a point says nothing about which outage of a town they
 * mean. Without a municipality either, they start their own problem.
 */
export function matchProblems(
  candidates: readonly ProblemCandidate[],
  known: readonly KnownProblem[],
  rules: ReadonlyMap<string, DuplicateRule>,
): ProblemMatch {
  const ruleOf = (category: string) => rules.get(category) ?? DEFAULT_DUPLICATE_RULE;
  const buckets = new Map<string, Tracked[]>();
  const put = (key: string | null, problem: Tracked) => {
    if (key === null) return;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(problem);
    else buckets.set(key, [problem]);
  };
  for (const p of known) {
    put(bucketKey(p.categoryCode, p.municipalityOktmo, p.lat, p.lon, ruleOf(p.categoryCode)), {
      ref: { existing: p.id },
      lat: p.lat,
      lon: p.lon,
      firstAt: p.firstAt.getTime(),
      lastAt: p.lastAt.getTime(),
    });
  }

  const refs: (ProblemRef | null)[] = new Array<ProblemRef | null>(candidates.length).fill(null);
  const created: NewProblem[] = [];
  const order = candidates
    .map((_, i) => i)
    .sort((a, b) => candidates[a]!.receivedAt.getTime() - candidates[b]!.receivedAt.getTime() || a - b);

  for (const i of order) {
    const c = candidates[i]!;
    if (c.categoryCode === null || c.blockCode === null) continue;
    const rule = ruleOf(c.categoryCode);
    const at = c.receivedAt.getTime();
    const windowMs = rule.windowHours * HOUR_MS;
    const lat = c.lat !== null && c.lon !== null ? c.lat : null;
    const lon = lat === null ? null : c.lon;
    const cell = lat !== null && lon !== null ? coarseCellOf(lat, lon) : null;

    let best: Tracked | undefined;
    let bestDistance = Infinity;
    if (lat !== null && lon !== null && cell !== null) {
      const keys = usesCellFilter(rule.radiusM)
        ? candidateCells(cell, lat, lon, rule.radiusM).map((near) => narrowKey(c.categoryCode!, near))
        : [wideKey(c.categoryCode)];
      for (const key of keys) {
        for (const p of buckets.get(key) ?? []) {
          if (!isActiveAt(p, at, windowMs)) continue;
          const d = distanceM(lat, lon, p.lat!, p.lon!);
          if (d > rule.radiusM) continue;
          if (d < bestDistance || (d === bestDistance && best && p.lastAt > best.lastAt)) {
            best = p;
            bestDistance = d;
          }
        }
      }
    } else if (c.municipalityOktmo !== null) {
      // No distance to compare: the most recently active problem of the town is the one people write about.
      for (const p of buckets.get(unlocatedKey(c.categoryCode, c.municipalityOktmo)) ?? []) {
        if (isActiveAt(p, at, windowMs) && (!best || p.lastAt > best.lastAt)) best = p;
      }
    }

    if (best) {
      best.firstAt = Math.min(best.firstAt, at);
      best.lastAt = Math.max(best.lastAt, at);
      refs[i] = best.ref;
      continue;
    }
    const ref: ProblemRef = { created: created.length };
    created.push({
      categoryCode: c.categoryCode,
      blockCode: c.blockCode,
      municipalityOktmo: c.municipalityOktmo,
      lat,
      lon,
      h3Coarse: cell,
    });
    refs[i] = ref;
    put(bucketKey(c.categoryCode, c.municipalityOktmo, lat, lon, rule), {
      ref,
      lat,
      lon,
      firstAt: at,
      lastAt: at,
    });
  }
  return { refs, created };
}
