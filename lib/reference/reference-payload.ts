import { VOTE_ELIGIBLE_CATEGORIES } from '../../db/seed/categories';
import type { ReferenceCache } from './types';

/** The public reference listing: every entity with its stable `code` (municipalities: OKTMO). */
export function referencePayload(reference: ReferenceCache) {
  return {
    blocks: [...reference.blocks.values()].map((b) => ({ code: b.code, name: b.name, nameEn: b.nameEn })),
    categories: [...reference.categories.values()].map((c) => ({
      code: c.code,
      block: c.blockCode,
      name: c.name,
      deadlineHours: c.deadlineHours,
      deadlineWorkingDays: c.deadlineWorkingDays,
      kind: c.kind,
      duplicateRadiusM: c.duplicateRadiusM,
      duplicateWindowHours: c.duplicateWindowHours,
      /** Whether a matter of this category may be put to the residents' vote (db/seed/categories.ts). */
      voteEligible: VOTE_ELIGIBLE_CATEGORIES.has(c.code),
    })),
    executors: [...reference.executors.values()].map((e) => ({
      code: e.code,
      name: e.name,
      shortName: e.shortName,
      kind: e.kind,
      blocks: e.blocks ?? [],
      municipality: e.oktmo ?? null,
    })),
    routingRules: reference.routingRules,
    sources: [...reference.sources.values()].map((s) => ({ code: s.code, name: s.name, nameEn: s.nameEn })),
    municipalities: [...reference.municipalities.values()].map((m) => ({
      code: m.oktmo,
      name: m.name,
      shortName: m.shortName,
      adminCenter: m.adminCenter,
      population: m.population,
      center: { lat: m.centerLat, lon: m.centerLon },
    })),
  };
}
