import { classifyOnIntake } from './classify-on-intake';
import type { ValidComplaint } from './validate-complaint';
import type { ComplaintRow } from './complaint-row';
import type { AppContext } from '../context';

/**
 * A complaint another region's center relayed for the federal view. Its lifecycle belongs to that center:
 * it is kept `new`, with no municipality, no Moscow Oblast executor, no routing, no problem and no H3 cells
 * (nothing of the home wall counts it); the block and category come from the source or the offline classifier
 * so the federal view can count it per block, and the due time follows the category's deadline (the federal
 * 8-day limit without one) so the region's overdue share means the same as ours. The sending center then moves
 * it on through the lifecycle API (in_progress, resolved, rejected, …); see lib/lifecycle/apply-transition.ts.
 */
export function prepareForeignComplaint(reference: AppContext['reference'], v: ValidComplaint): ComplaintRow {
  const { input } = v;
  const classified = classifyOnIntake(reference, v);
  const hasPoint = input.lat !== undefined && input.lon !== undefined;
  return {
    regionCode: v.regionCode,
    sourceCode: input.source,
    externalId: input.externalId,
    receivedAt: v.receivedAt,
    text: input.text,
    lat: input.lat ?? null,
    lon: input.lon ?? null,
    address: input.address ?? null,
    municipalityOktmo: null,
    blockCode: classified.blockCode,
    categoryCode: classified.categoryCode,
    dueAt: classified.dueAt,
    veryLateAt: classified.veryLateAt,
    h3Fine: null,
    h3Coarse: null,
    status: 'new',
    executorCode: null,
    ruleId: null,
    classSource: classified.classSource,
    classConfidence: classified.classConfidence,
    placeSource: hasPoint ? 'coordinates' : null,
    placeName: null,
    placeCandidates: null,
    possiblyForeignRegion: null,
  };
}
