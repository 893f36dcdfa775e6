import type { ComplaintStatus, SlaState } from '../lifecycle/statuses';
import { statusClass } from '../lifecycle/statuses';

/** The dimensions of one stored complaint that the rollups count by. */
export interface RollupRow {
  receivedAt: Date;
  municipalityOktmo: string | null;
  blockCode: string | null;
  categoryCode: string | null;
  sourceCode: string;
  h3Fine: string | null;
  h3Coarse: string | null;
}

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
/** Minute buckets only serve "the last hour"; older ones are not kept. */
export const MINUTE_RETENTION_MS = 48 * HOUR_MS;

const floorTo = (at: Date, ms: number) => new Date(Math.floor(at.getTime() / ms) * ms);
const dim = (value: string | null) => value ?? '';

type Entry<K> = { key: K; n: number };

class Counter<K extends unknown[]> {
  readonly entries = new Map<string, Entry<K>>();
  add(key: K, n: number): void {
    const id = JSON.stringify(key);
    const entry = this.entries.get(id);
    if (entry) entry.n += n;
    else this.entries.set(id, { key, n });
  }
  /** Non-zero entries in key order: every writer touches rollup rows in the same order. */
  sorted(): Entry<K>[] {
    return [...this.entries.entries()]
      .filter(([, e]) => e.n !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => e);
  }
}

/**
 * Changes to the rollup tables caused by one write transaction, summed in memory so each touched rollup row
 * is written once per transaction.
 */
export class RollupDelta {
  readonly hourly = new Counter<[string, string, string, string, string, string]>();
  readonly hourlyScope = new Counter<[string, string, string]>();
  readonly minute = new Counter<[string, string, string]>();
  readonly h3 = new Counter<[string, number, string, string]>();
  readonly open = new Counter<[string, string, string, string, string]>();

  constructor(private readonly now: Date) {}

  /** A complaint stored (sign +1). */
  addComplaint(row: RollupRow, status: ComplaintStatus, sla: SlaState): void {
    const hour = floorTo(row.receivedAt, HOUR_MS).toISOString();
    const [m, b] = [dim(row.municipalityOktmo), dim(row.blockCode)];
    this.hourly.add([hour, m, b, dim(row.categoryCode), row.sourceCode, statusClass(status)], 1);
    this.hourlyScope.add([hour, m, b], 1);
    if (this.now.getTime() - row.receivedAt.getTime() < MINUTE_RETENTION_MS) {
      this.minute.add([floorTo(row.receivedAt, MINUTE_MS).toISOString(), m, b], 1);
    }
    if (row.h3Coarse) this.h3.add([hour, 6, row.h3Coarse, b], 1);
    if (row.h3Fine) this.h3.add([hour, 8, row.h3Fine, b], 1);
    if (statusClass(status) === 'open') this.addOpen(row, sla, 1);
  }

  /** A status change; `fromSla` is the stored punctuality, `toSla` the one stored after the change. */
  changeStatus(
    row: RollupRow,
    from: ComplaintStatus,
    to: ComplaintStatus,
    fromSla: SlaState,
    toSla: SlaState,
  ): void {
    const [fromClass, toClass] = [statusClass(from), statusClass(to)];
    if (fromClass !== toClass) {
      const hour = floorTo(row.receivedAt, HOUR_MS).toISOString();
      const key = [
        hour,
        dim(row.municipalityOktmo),
        dim(row.blockCode),
        dim(row.categoryCode),
        row.sourceCode,
      ] as const;
      this.hourly.add([...key, fromClass], -1);
      this.hourly.add([...key, toClass], 1);
    }
    if (fromClass === 'open') this.addOpen(row, fromSla, -1);
    if (toClass === 'open') this.addOpen(row, toSla, 1);
  }

  /** The SLA clock moved `n` open complaints of these dimensions from one punctuality to the next. */
  moveSla(
    row: Pick<RollupRow, 'municipalityOktmo' | 'blockCode' | 'categoryCode' | 'h3Coarse'>,
    from: SlaState,
    to: SlaState,
    n: number,
  ): void {
    this.addOpen(row, from, -n);
    this.addOpen(row, to, n);
  }

  private addOpen(
    row: Pick<RollupRow, 'municipalityOktmo' | 'blockCode' | 'categoryCode' | 'h3Coarse'>,
    sla: SlaState,
    n: number,
  ): void {
    this.open.add(
      [dim(row.municipalityOktmo), dim(row.blockCode), dim(row.categoryCode), dim(row.h3Coarse), sla],
      n,
    );
  }
}
