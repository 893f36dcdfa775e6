import { gte } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { incidents } from '../../db/schema';
import type { AppContext } from '../context';
import { commitChange } from '../commit/commit-change';
import { DAY_MS, floorHour, HOUR_MS, WEEK_MS } from '../domain/time-units';
import { countSince, detectBursts, INCIDENT_BASELINE_WEEKS, seriesKey } from './burst-detector';
import { describeBurst } from './describe-burst';
import { readIncidentSeries } from './read-incident-series';
import {
  INCIDENT_QUIET_HOURS,
  INCIDENT_SCAN_ACTOR,
  insertIncidents,
  type NewIncident,
} from './scan-incidents';

const QUIET_MS = INCIDENT_QUIET_HOURS * HOUR_MS;

/** How far back a first start (or a leader after a long gap) looks for the bursts nobody scanned. */
export const RECONSTRUCT_DAYS = 14;

interface Open {
  key: string;
  openedAt: number;
  lastAt: number;
  usualLow: number;
  usualHigh: number;
}

/**
 * Runs the live detector over the complete clock hours nobody scanned (after the backfill, or after every node
 * was down), so the wall, the shift view and the briefing know the same incidents for the past as for now.
 * Ended bursts are stored closed; one still running at the end is stored `new` and alarms like a live one.
 * One read of the span, then the hours in order, in memory.
 */
export async function reconstructIncidents(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const current = floorHour(now).getTime();
  const from = current - RECONSTRUCT_DAYS * DAY_MS;
  const [series, covered] = await Promise.all([
    readIncidentSeries(ctx.db, {
      from: new Date(from - INCIDENT_BASELINE_WEEKS * WEEK_MS - HOUR_MS),
      to: new Date(current),
    }),
    coverage(ctx.db, from),
  ]);
  const open = new Map<string, Open>();
  const ended: Open[] = [];
  for (let hour = from; hour < current; hour += HOUR_MS) {
    for (const burst of detectBursts(series, hour, 1)) {
      const known = open.get(burst.key);
      if (known) known.lastAt = hour;
      else open.set(burst.key, { ...burst, lastAt: hour });
    }
    for (const [key, incident] of open)
      if (hour - incident.lastAt > QUIET_MS) {
        ended.push(incident);
        open.delete(key);
      }
  }
  const rows: (NewIncident & { key: string })[] = [];
  const closedOnes = new Set(ended);
  for (const o of [...ended, ...open.values()]) {
    if (covered(o)) continue;
    const described = await describeBurst(ctx, o.key, new Date(o.openedAt));
    if (!described) continue;
    const closed = closedOnes.has(o);
    rows.push({
      key: o.key,
      ...described,
      openedAt: new Date(o.openedAt),
      detectedAt: new Date(o.openedAt + HOUR_MS),
      lastAt: new Date(o.lastAt),
      complaints: countSince(series.get(o.key), o.openedAt, o.lastAt),
      usualLow: o.usualLow,
      usualHigh: o.usualHigh,
      ...(closed
        ? {
            status: 'closed' as const,
            closedAt: new Date(o.lastAt + (INCIDENT_QUIET_HOURS + 1) * HOUR_MS),
            closedBy: INCIDENT_SCAN_ACTOR,
          }
        : {}),
    });
  }
  if (rows.length === 0) return 0;
  return commitChange(ctx, { lane: 'exclusive', items: 1, asLeader: true, now }, async (tx, unit) => {
    // Again under the writer: a live scan or another reconstruction may have stored some since the read.
    const stillCovered = await coverage(tx, from);
    const fresh = rows
      .filter(
        (r) => !stillCovered({ key: r.key, openedAt: r.openedAt.getTime(), lastAt: r.lastAt.getTime() }),
      )
      .map(({ key: _key, ...row }) => row);
    await insertIncidents(tx, fresh);
    if (fresh.length > 0) unit.change.incidents = fresh.length;
    return fresh.length;
  });
}

/** Whether a stored incident of the same place and category (live or past) overlaps a reconstructed one. */
async function coverage(
  db: Db | Tx,
  from: number,
): Promise<(o: Pick<Open, 'key' | 'openedAt' | 'lastAt'>) => boolean> {
  const known = await db
    .select({
      oktmo: incidents.municipalityOktmo,
      category: incidents.categoryCode,
      openedAt: incidents.openedAt,
      lastAt: incidents.lastAt,
    })
    .from(incidents)
    .where(gte(incidents.lastAt, new Date(from - QUIET_MS)));
  const spans = new Map<string, [number, number][]>();
  for (const k of known) {
    const key = seriesKey(k.oktmo, k.category);
    const list = spans.get(key) ?? [];
    list.push([k.openedAt.getTime(), k.lastAt.getTime() + QUIET_MS]);
    spans.set(key, list);
  }
  return (o) =>
    (spans.get(o.key) ?? []).some(([start, end]) => o.openedAt <= end && o.lastAt + QUIET_MS >= start);
}
