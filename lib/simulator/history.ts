import { TZDate } from '@date-fns/tz';
import type { ComplaintFactory, GeneratedComplaint } from './generator';
import type { Placer } from './geography';
import { HOUR_MS, incidentArrivals, MEAN_INCIDENT_SIZE, startIncident, type Incident } from './incidents';
import type { Rng } from './random';
import { rhythm } from './rhythm';

export interface HistoryOptions {
  from: Date;
  to: Date;
  /** Target messages per week, incidents included (Moscow Oblast: 10–12 thousand). */
  weeklyVolume: number;
  incidentsPerDay: number;
  rng: Rng;
  placer: Placer;
  categoryCodes: ReadonlySet<string>;
}

/**
 * When each past message arrives, and which incident (if any) it belongs to, in time order. Only numbers:
 * even two years of history fit in a few MB; the messages themselves are built batch by batch.
 */
export interface HistorySchedule {
  times: Float64Array;
  /** Index into `incidents`, or -1 for the normal flow. */
  incidentOf: Int32Array;
  incidents: Incident[];
}

const WEEK_MS = 7 * 24 * HOUR_MS;

/**
 * Arrivals over [from, to): the normal flow hour by hour at the daily rhythm, plus local incidents. Each week
 * gets its own level (±3–6%) so that week-over-week comparisons have something to show.
 */
export function scheduleHistory(options: HistoryOptions): HistorySchedule {
  const { from, to, rng } = options;
  const expectedIncidentShare = Math.min(
    0.3,
    (options.incidentsPerDay * 7 * MEAN_INCIDENT_SIZE) / Math.max(1, options.weeklyVolume),
  );
  const baseHourly = (options.weeklyVolume * (1 - expectedIncidentShare)) / 168;
  const weeks = Math.ceil((to.getTime() - from.getTime()) / WEEK_MS);
  const weekLevel = Array.from(
    { length: weeks },
    () => 1 + Math.max(-0.06, Math.min(0.06, rng.gaussian() * 0.03)),
  );

  const times: number[] = [];
  const owners: number[] = [];
  const incidents: Incident[] = [];
  const active: number[] = [];
  for (let hour = from.getTime(); hour < to.getTime(); hour += HOUR_MS) {
    const end = Math.min(to.getTime(), hour + HOUR_MS);
    const level = weekLevel[Math.floor((hour - from.getTime()) / WEEK_MS)] ?? 1;
    const mean = baseHourly * level * rhythm(new Date(hour + HOUR_MS / 2)) * ((end - hour) / HOUR_MS);
    const arrivals: [number, number][] = [];
    const n = rng.poisson(mean);
    for (let i = 0; i < n; i++) arrivals.push([hour + rng.next() * (end - hour), -1]);

    if (rng.chance(options.incidentsPerDay / 24)) {
      const startAt = new Date(hour + rng.next() * (end - hour));
      const month = new TZDate(startAt.getTime(), 'Europe/Moscow').getMonth() + 1;
      incidents.push(startIncident(startAt, rng, options.placer, month, options.categoryCodes));
      active.push(incidents.length - 1);
    }
    for (let i = active.length - 1; i >= 0; i--) {
      const index = active[i]!;
      const incident = incidents[index]!;
      for (const at of incidentArrivals(incident, new Date(hour), new Date(end), rng)) {
        arrivals.push([at.getTime(), index]);
      }
      if (incident.endAt.getTime() <= end) active.splice(i, 1);
    }
    arrivals.sort((a, b) => a[0] - b[0]);
    for (const [t, owner] of arrivals) {
      times.push(t);
      owners.push(owner);
    }
  }
  return { times: Float64Array.from(times), incidentOf: Int32Array.from(owners), incidents };
}

/** Builds the messages `[start, end)` of a schedule. */
export function materializeHistory(
  schedule: HistorySchedule,
  start: number,
  end: number,
  factory: ComplaintFactory,
  rng: Rng,
): GeneratedComplaint[] {
  const out: GeneratedComplaint[] = [];
  for (let i = start; i < Math.min(end, schedule.times.length); i++) {
    const at = new Date(schedule.times[i]!);
    const incident = schedule.incidents[schedule.incidentOf[i]!];
    out.push(incident ? factory.forIncident(incident, at, rng) : factory.random(at, rng));
  }
  return out;
}
