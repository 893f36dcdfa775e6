import type { Place, Placer, Town } from './geography';
import { weightedTable, type Rng } from './random';
import { rhythm } from './rhythm';
import { STREETS } from './streets';

/** A local failure (a burst main, a boiler house, a missed garbage round) that floods one town with reports. */
export interface Incident {
  categoryCode: string;
  town: Town;
  /**
   * The affected quarter's centre: every report comes from around it, close enough to join one problem (see
   * quarterRadiusM), the way neighbours of one boiler house or one yard write.
   */
  quarter: Place;
  /** The few streets of the affected quarter: neighbours write about the same place. */
  streets: string[];
  startAt: Date;
  endAt: Date;
  /** Reports per hour at the height of the incident, before the daily rhythm. */
  peakPerHour: number;
}

const WINTER = [11, 12, 1, 2, 3];
const HEATING_SEASON = [10, 11, 12, 1, 2, 3, 4];

/** Which failures come as bursts, how often relative to each other, and in which months. */
const INCIDENT_KINDS: readonly { category: string; weight: number; months?: readonly number[] }[] = [
  { category: 'housing.no-hot-water', weight: 3 },
  { category: 'housing.no-cold-water', weight: 3 },
  { category: 'housing.no-heating', weight: 4, months: HEATING_SEASON },
  { category: 'housing.power-outage', weight: 4 },
  { category: 'ecology.tko-overflow', weight: 3 },
  { category: 'transport.road-snow', weight: 2, months: WINTER },
  { category: 'ecology.air-smell', weight: 1 },
];

/** Mean number of reports one incident brings at scale 1 (used to keep the weekly total on target). */
export const MEAN_INCIDENT_SIZE = 110;

export const HOUR_MS = 3600_000;
/** The widest quarter an outage covers: a district heating loop or a substation's feeders, not a whole town. */
const MAX_QUARTER_M = 600;

/**
 * How far from the quarter's centre reports of one incident fall: under half the category's duplicate radius, so
 * any two of them (the first one is a problem's fixed anchor) are within the radius and join one problem.
 */
export function quarterRadiusM(duplicateRadiusM: number): number {
  return Math.min(MAX_QUARTER_M, 0.45 * duplicateRadiusM);
}

/** Starts an incident at `at`. `scale` multiplies the burst size: 1 is the real center's volume. */
export function startIncident(
  at: Date,
  rng: Rng,
  placer: Placer,
  month: number,
  availableCategories: ReadonlySet<string>,
  scale = 1,
): Incident {
  const kinds = INCIDENT_KINDS.filter(
    (k) => availableCategories.has(k.category) && (!k.months || k.months.includes(month)),
  );
  if (kinds.length === 0)
    throw new Error('startIncident(): none of the incident categories is in the catalogue');
  const kind = weightedTable(kinds.map((k) => [k, k.weight] as const)).draw(rng);
  const town = placer.incidentTown(rng);
  const quarter = placer.nearTown(town, rng);
  const durationHours = rng.uniform(2, 8);
  const streets = Array.from({ length: rng.int(2, 5) }, () => rng.pick(STREETS));
  return {
    categoryCode: kind.category,
    town,
    quarter,
    streets: [...new Set(streets)],
    startAt: at,
    endAt: new Date(at.getTime() + durationHours * HOUR_MS),
    peakPerHour: rng.uniform(15, 45) * scale,
  };
}

/**
 * Reports per hour at a moment: a quick rise as neighbours notice, a plateau, then a tail while repair crews
 * work. At night fewer people write, but never as few as the normal night flow.
 */
export function incidentIntensity(incident: Incident, at: Date): number {
  const start = incident.startAt.getTime();
  const span = incident.endAt.getTime() - start;
  const x = (at.getTime() - start) / span;
  if (x < 0 || x >= 1) return 0;
  const rise = Math.min(1, x / 0.15);
  const decay = 1 - 0.7 * Math.max(0, (x - 0.4) / 0.6);
  const awake = Math.min(1.3, Math.max(0.35, rhythm(at)));
  return incident.peakPerHour * rise * decay * awake;
}

/** Report times of an incident inside [from, to), in order. */
export function incidentArrivals(incident: Incident, from: Date, to: Date, rng: Rng): Date[] {
  const lo = Math.max(from.getTime(), incident.startAt.getTime());
  const hi = Math.min(to.getTime(), incident.endAt.getTime());
  const times: number[] = [];
  const step = 15 * 60_000;
  for (let t = lo; t < hi; t += step) {
    const end = Math.min(hi, t + step);
    const mean = incidentIntensity(incident, new Date((t + end) / 2)) * ((end - t) / HOUR_MS);
    const n = rng.poisson(mean);
    for (let i = 0; i < n; i++) times.push(t + rng.next() * (end - t));
  }
  return times.sort((a, b) => a - b).map((t) => new Date(t));
}
