import { ne } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { incidents, type IncidentRow } from '../../db/schema';
import type { AppContext } from '../context';
import { commitChange } from '../commit/commit-change';
import { floorHour, HOUR_MS, WEEK_MS } from '../domain/time-units';
import {
  countSince,
  detectBursts,
  INCIDENT_BASELINE_WEEKS,
  seriesKey,
  type Burst,
  type SeriesByKey,
} from './burst-detector';
import { describeBurst } from './describe-burst';
import { readIncidentSeries } from './read-incident-series';
import { updateIncidentCounts, type IncidentCountUpdate } from './update-incident-counts';

/**
 * Hours without the burst after which an answered incident (acknowledged or in work) closes by itself. An
 * unanswered one stays `new`, alarming, until somebody answers: that is what the alarm is for.
 */
export const INCIDENT_QUIET_HOURS = 6;
export const INCIDENT_SCAN_ACTOR = 'system:incident-scan';

export interface ScanResult {
  opened: number;
  updated: number;
  closed: number;
}

/**
 * The leader's look at the last two clock hours: new bursts become incidents, live incidents get their counts
 * and last hour, answered quiet ones close. Writes only what changed, through the one commit step, fenced by
 * the leader's term.
 */
export async function scanIncidents(ctx: AppContext): Promise<ScanResult> {
  const now = ctx.now();
  const current = floorHour(now).getTime();
  const elapsed = (now.getTime() - current) / HOUR_MS;
  const live = await ctx.db.select().from(incidents).where(ne(incidents.status, 'closed'));
  const earliest = Math.min(current - HOUR_MS, ...live.map((i) => i.openedAt.getTime()));
  const history: Date[] = [];
  for (let week = 1; week <= INCIDENT_BASELINE_WEEKS; week += 1)
    for (const hour of [current, current - HOUR_MS]) history.push(new Date(hour - week * WEEK_MS));
  const [recent, past] = await Promise.all([
    readIncidentSeries(ctx.db, { from: new Date(earliest), to: new Date(current + HOUR_MS) }),
    readIncidentSeries(ctx.db, { buckets: history }),
  ]);
  const series = mergeSeries(recent, past);
  const bursts = detectBursts(series, current, elapsed);
  const liveByKey = new Map(live.map((i) => [seriesKey(i.municipalityOktmo, i.categoryCode), i]));

  const fresh: Burst[] = [];
  const updates: IncidentCountUpdate[] = [];
  const seen = new Set<string>();
  for (const burst of bursts) {
    seen.add(burst.key);
    const known = liveByKey.get(burst.key);
    if (!known) fresh.push(burst);
    else updates.push(countUpdate(known, recent, current, current));
  }
  for (const [key, incident] of liveByKey) {
    if (seen.has(key)) continue;
    const quiet =
      incident.status !== 'new' && current - incident.lastAt.getTime() > INCIDENT_QUIET_HOURS * HOUR_MS;
    updates.push(countUpdate(incident, recent, incident.lastAt.getTime(), current, quiet ? now : null));
  }
  const changed = updates.filter(
    (u) =>
      u.closedAt || u.complaints !== u.before.complaints || u.lastAt.getTime() !== u.before.lastAt.getTime(),
  );
  if (fresh.length === 0 && changed.length === 0) return { opened: 0, updated: 0, closed: 0 };

  const described = await Promise.all(fresh.map((burst) => newIncidentRow(ctx, burst, recent, now, current)));
  const rows = described.filter((row) => row !== null);
  await commitChange(ctx, { lane: 'exclusive', items: 1, asLeader: true, now }, async (tx, unit) => {
    await insertIncidents(tx, rows);
    await updateIncidentCounts(tx, changed, INCIDENT_SCAN_ACTOR);
    unit.change.incidents = rows.length + changed.length;
  });
  const closed = changed.filter((u) => u.closedAt).length;
  return { opened: rows.length, updated: changed.length - closed, closed };
}

function mergeSeries(into: SeriesByKey, from: SeriesByKey): SeriesByKey {
  for (const [key, hours] of from) {
    const target = into.get(key);
    if (!target) into.set(key, new Map(hours));
    else for (const [hour, n] of hours) target.set(hour, (target.get(hour) ?? 0) + n);
  }
  return into;
}

function countUpdate(
  incident: IncidentRow,
  recent: SeriesByKey,
  lastAt: number,
  current: number,
  closedAt: Date | null = null,
): IncidentCountUpdate {
  const hours = recent.get(seriesKey(incident.municipalityOktmo, incident.categoryCode));
  // The rollup of the opening hours is exact and never shrinks, so the count only grows.
  const complaints = Math.max(incident.complaints, countSince(hours, incident.openedAt.getTime(), current));
  return { id: incident.id, complaints, lastAt: new Date(lastAt), closedAt, before: incident };
}

export type NewIncident = typeof incidents.$inferInsert;

async function newIncidentRow(
  ctx: AppContext,
  burst: Burst,
  recent: SeriesByKey,
  now: Date,
  current: number,
): Promise<NewIncident | null> {
  const described = await describeBurst(ctx, burst.key, new Date(burst.openedAt));
  if (!described) return null;
  return {
    ...described,
    openedAt: new Date(burst.openedAt),
    detectedAt: now,
    lastAt: new Date(current),
    complaints: countSince(recent.get(burst.key), burst.openedAt, current),
    usualLow: burst.usualLow,
    usualHigh: burst.usualHigh,
  };
}

export async function insertIncidents(tx: Tx, rows: NewIncident[]): Promise<void> {
  // A row at a time would be simpler; one statement keeps the transaction short under the writer slot.
  if (rows.length > 0) await tx.insert(incidents).values(rows);
}
