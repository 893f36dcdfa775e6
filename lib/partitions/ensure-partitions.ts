import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** First instant of the UTC month holding `at`. */
export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

function nextMonth(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}

export function partitionName(month: Date): string {
  return `complaints_y${month.getUTCFullYear()}m${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Months already known to exist in this process: creating a partition is DDL, so it is done once. */
const known = new WeakMap<Db, Set<string>>();

/**
 * Creates the monthly partitions of `complaints` covering [from, to] that do not exist yet. Intake calls it
 * before every insert with the batch's months, so no row ever lands in the default partition.
 */
export async function ensureMonthlyPartitions(db: Db, from: Date, to: Date): Promise<void> {
  const seen = known.get(db) ?? new Set<string>();
  known.set(db, seen);
  for (let month = monthStart(from); month <= to; month = nextMonth(month)) {
    const name = partitionName(month);
    if (seen.has(name)) continue;
    await db.execute(
      sql.raw(
        `create table if not exists "${name}" partition of complaints ` +
          `for values from ('${month.toISOString()}') to ('${nextMonth(month).toISOString()}')`,
      ),
    );
    seen.add(name);
  }
}

/** Ensures the partitions for every month that `dates` fall in. */
export async function ensurePartitionsFor(db: Db, dates: Iterable<Date>): Promise<void> {
  let min: Date | null = null;
  let max: Date | null = null;
  for (const d of dates) {
    if (!min || d < min) min = d;
    if (!max || d > max) max = d;
  }
  if (min && max) await ensureMonthlyPartitions(db, min, max);
}
