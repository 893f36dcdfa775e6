import { TZDate } from '@date-fns/tz';
import type { ComplaintFactory, GeneratedComplaint } from './generator';
import type { Placer } from './geography';
import { HOUR_MS, incidentArrivals, startIncident, type Incident } from './incidents';
import type { Rng } from './random';
import { normalFlowPerHour, type RateModel } from './rate';

export interface HistoryOptions {
  from: Date;
  to: Date;
  /** The intake model the live stream shares (rate.ts): the same expected count for every hour of the week. */
  model: RateModel;
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

/**
 * Arrivals over [from, to): the normal flow hour by hour at the model's rate (rhythm and week level included),
 * plus local incidents at the model's rate of them.
 */
export function scheduleHistory(options: HistoryOptions): HistorySchedule {
  const { from, to, rng, model } = options;
  const times: number[] = [];
  const owners: number[] = [];
  const incidents: Incident[] = [];
  const active: number[] = [];
  for (let hour = from.getTime(); hour < to.getTime(); hour += HOUR_MS) {
    const end = Math.min(to.getTime(), hour + HOUR_MS);
    const mean = normalFlowPerHour(model, new Date((hour + end) / 2)) * ((end - hour) / HOUR_MS);
    const arrivals: [number, number][] = [];
    const n = rng.poisson(mean);
    for (let i = 0; i < n; i++) arrivals.push([hour + rng.next() * (end - hour), -1]);

    if (rng.chance((model.incidentsPerDay / 24) * ((end - hour) / HOUR_MS))) {
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
