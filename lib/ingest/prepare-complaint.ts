import { cellToParent, latLngToCell } from 'h3-js';
import type { AppContext } from '../context';
import { FINE_H3_RESOLUTION, WALL_H3_RESOLUTION } from '../domain/h3-resolutions';
import { routeComplaint } from '../routing/route-complaint';
import { DEFAULT_DEADLINE_HOURS } from '../domain/limits';
import { computeDeadlines } from '../sla/deadline';
import { classifyOnIntake, type IntakeClassification } from './classify-on-intake';
import { HOME_REGION } from '../domain/home-region';
import { prepareForeignComplaint } from './prepare-foreign-complaint';
import type { ValidComplaint } from './validate-complaint';
import type { ComplaintRow } from './complaint-row';

const knownOktmo = new WeakMap<object, ReadonlySet<string>>();

/** Known OKTMO codes per reference cache: routing treats anything else as "no municipality". */
export function knownOktmoOf(reference: AppContext['reference']): ReadonlySet<string> {
  let known = knownOktmo.get(reference);
  if (!known) knownOktmo.set(reference, (known = new Set(reference.municipalities.keys())));
  return known;
}

/**
 * Everything intake decides about a valid complaint before it is stored: the place (coordinates, or a place
 * name found in the text), the block and category (given, or from the offline classifier when it is
 * confident), the deadlines in the category's units, and the executor by the routing rules. A complaint the
 * classifier is unsure of stays `new`, without a category, in the operator queue.
 */
export function prepareComplaint(ctx: AppContext, v: ValidComplaint): ComplaintRow {
  if (v.regionCode !== HOME_REGION) return prepareForeignComplaint(ctx.reference, v);
  return prepareHomeComplaint(ctx, v);
}

/**
 * A text that names another region waits for an operator, who decides whether it is ours: the classifier's
 * guess is not applied (the queue shows it as a suggestion), so nothing is routed to an executor of ours on
 * intake. A category the source gave stands.
 */
function holdForOperator(
  classified: IntakeClassification,
  v: ValidComplaint,
  possiblyForeignRegion: string | null,
): IntakeClassification {
  if (possiblyForeignRegion === null || classified.classSource !== 'classifier') return classified;
  const deadlines = computeDeadlines(v.receivedAt, { hours: DEFAULT_DEADLINE_HOURS, workingDays: null });
  return { ...classified, ...deadlines, blockCode: v.blockCode, categoryCode: null, classSource: null };
}

function prepareHomeComplaint(ctx: AppContext, v: ValidComplaint): ComplaintRow {
  const { input } = v;
  const { reference } = ctx;
  let lat = input.lat ?? null;
  let lon = input.lon ?? null;
  let municipalityOktmo = v.municipalityOktmo;
  let placeSource: ComplaintRow['placeSource'] = lat !== null ? 'coordinates' : null;
  let placeName: string | null = null;
  let placeCandidates: string | null = null;
  let possiblyForeignRegion: string | null = null;
  if (lat === null) {
    const match = ctx.places.find(input.address ? `${input.address}. ${input.text}` : input.text);
    if (match.kind === 'found') {
      ({ lat, lon } = match.place);
      municipalityOktmo = match.place.oktmo;
      placeSource = 'text';
      placeName = match.place.name;
    } else if (match.kind === 'ambiguous') {
      placeName = match.name;
      placeCandidates = [...new Set(match.candidates.map((c) => c.oktmo))].join(',');
    } else if (match.kind === 'foreign') {
      // Kept home and waiting for an operator, who may reject it as not ours; no place of ours is guessed.
      possiblyForeignRegion = match.region;
    }
  }

  const classified = holdForOperator(classifyOnIntake(reference, v), v, possiblyForeignRegion);
  const { blockCode, categoryCode } = classified;
  const route = categoryCode
    ? routeComplaint(
        { categoryCode, blockCode, municipalityOktmo },
        { rules: reference.routingRules, knownOktmo: knownOktmoOf(reference) },
      )
    : null;
  const fine = lat !== null && lon !== null ? latLngToCell(lat, lon, FINE_H3_RESOLUTION) : null;
  return {
    regionCode: HOME_REGION,
    sourceCode: input.source,
    externalId: input.externalId,
    receivedAt: v.receivedAt,
    text: input.text,
    lat,
    lon,
    address: input.address ?? null,
    municipalityOktmo,
    blockCode: classified.blockCode,
    categoryCode: classified.categoryCode,
    dueAt: classified.dueAt,
    veryLateAt: classified.veryLateAt,
    h3Fine: fine,
    h3Coarse: fine ? cellToParent(fine, WALL_H3_RESOLUTION) : null,
    status: route ? 'routed' : 'new',
    executorCode: route?.executorCode ?? null,
    ruleId: route?.ruleId ?? null,
    classSource: classified.classSource,
    classConfidence: classified.classConfidence,
    placeSource,
    placeName,
    placeCandidates,
    possiblyForeignRegion,
  };
}
