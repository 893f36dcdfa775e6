import type { ReferenceCache } from './types';

/** How near and how soon a complaint joins an open problem of its category (category columns). */
export interface DuplicateRule {
  radiusM: number;
  windowHours: number;
}

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
