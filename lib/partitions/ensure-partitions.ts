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
/** Creations in flight: two writer lanes needing the same new month wait for one creation. */
const creating = new WeakMap<Db, Map<string, Promise<void>>>();

/** 42P07 duplicate_table, or 23505 on pg_type: another connection created the partition first. */
function alreadyCreated(error: unknown): boolean {
  const codes = [error, (error as { cause?: unknown } | null)?.cause].map(
    (e) => (e as { code?: unknown } | null | undefined)?.code,
  );
  return codes.includes('42P07') || codes.includes('23505');
}

async function createPartition(db: Db, name: string, month: Date): Promise<void> {
  try {
    await db.execute(
      sql.raw(
        `create table if not exists "${name}" partition of complaints ` +
          `for values from ('${month.toISOString()}') to ('${nextMonth(month).toISOString()}')`,
      ),
    );
  } catch (error) {
    // `if not exists` is not atomic against a concurrent creation (another process, or a lane of ours).
    if (!alreadyCreated(error)) throw error;
  }
}

/**
 * Creates the monthly partitions of `complaints` covering [from, to] that do not exist yet. Intake calls it
 * before every insert with the batch's months, so no row ever lands in the default partition.
 */
export async function ensureMonthlyPartitions(db: Db, from: Date, to: Date): Promise<void> {
  const seen = known.get(db) ?? new Set<string>();
  known.set(db, seen);
  const inFlight = creating.get(db) ?? new Map<string, Promise<void>>();
  creating.set(db, inFlight);
  for (let month = monthStart(from); month <= to; month = nextMonth(month)) {
    const name = partitionName(month);
    if (seen.has(name)) continue;
    let pending = inFlight.get(name);
    if (!pending) {
      pending = createPartition(db, name, month).finally(() => inFlight.delete(name));
      inFlight.set(name, pending);
    }
    await pending;
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
