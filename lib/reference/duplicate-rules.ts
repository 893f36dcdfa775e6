import type { DuplicateRule } from '../problems/match-problems';
import type { ReferenceCache } from './types';

const cache = new WeakMap<ReferenceCache, ReadonlyMap<string, DuplicateRule>>();

/** Radius and window of duplicate joining per category code, built once per reference cache. */
export function duplicateRulesOf(reference: ReferenceCache): ReadonlyMap<string, DuplicateRule> {
  let rules = cache.get(reference);
  if (!rules) {
    rules = new Map(
      [...reference.categories.values()].map((c) => [
        c.code,
        { radiusM: c.duplicateRadiusM, windowHours: c.duplicateWindowHours },
      ]),
    );
    cache.set(reference, rules);
  }
  return rules;
}
