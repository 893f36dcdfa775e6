import { ALL } from '../domain/scope';
import type { ComplaintStatus, SlaState } from '../domain/statuses';
import { statusClass } from '../domain/statuses';
import { DAY_MS, HOUR_MS, MINUTE_MS, floorTo } from '../domain/time-units';
import { HOME_REGION } from '../domain/home-region';
import { moscowDate } from '../domain/moscow-time';

/** The dimensions of one stored complaint that the rollups count by. */
export interface RollupRow {
  /** Only HOME_REGION complaints count in the wall's rollups; every region counts in the federal ones. */
  regionCode: string;
  receivedAt: Date;
  municipalityOktmo: string | null;
  blockCode: string | null;
  categoryCode: string | null;
  sourceCode: string;
  h3Fine: string | null;
  h3Coarse: string | null;
}

type OpenDims = Pick<RollupRow, 'regionCode' | 'municipalityOktmo' | 'blockCode' | 'h3Coarse'>;

export { HOUR_MS, MINUTE_MS };
/** Minute buckets serve "the last hour" and the same minutes a week ago; older ones are pruned. */
export const MINUTE_RETENTION_MS = 8 * DAY_MS;
/** The "all" value of a scope dimension in the cube rollups; '' stands for unknown. */

const dim = (value: string | null) => value ?? '';
const SLA_COLUMN: Record<SlaState, number> = { on_time: 0, late: 1, very_late: 2 };
const RECEIVED = [1, 0];
const RESOLVED = [0, 1];

/**
 * The four scope rows a complaint counts in: its municipality and block, all blocks of its municipality, its
 * block across the region, and the region. A wall scope then reads exactly one key, never a sum over others.
 */
function scopes(row: Pick<RollupRow, 'municipalityOktmo' | 'blockCode'>): [string, string][] {
  const [m, b] = [dim(row.municipalityOktmo), dim(row.blockCode)];
  return [
    [m, b],
    [m, ALL],
    [ALL, b],
    [ALL, ALL],
  ];
}

export class Counter<K extends (string | number)[]> {
  private readonly entries = new Map<string, { key: K; values: number[] }>();
  constructor(readonly width = 1) {}

  add(key: K, values: number[] | number): void {
    const add = typeof values === 'number' ? [values] : values;
    // A separator no code or timestamp contains: cheaper than JSON.stringify on the hot path.
    const id = key.join('\u0001');
    const entry = this.entries.get(id) ?? { key, values: new Array<number>(this.width).fill(0) };
    add.forEach((v, i) => (entry.values[i] = (entry.values[i] ?? 0) + v));
    this.entries.set(id, entry);
  }

  /** Non-zero entries in key order: every writer touches rollup rows in the same order. */
  sorted(): { key: K; values: number[] }[] {
    return [...this.entries.entries()]
      .filter(([, e]) => e.values.some((v) => v !== 0))
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
  /** Per scope and hour: [received, resolved]. */
  readonly hourlyScope = new Counter<[string, string, string]>(2);
  /** Per scope and minute: [received, resolved]. */
  readonly minute = new Counter<[string, string, string]>(2);
  readonly h3 = new Counter<[string, number, string, string]>();
  readonly categoryHourly = new Counter<[string, string, string]>();
  /** Open backlog per scope: [on time, late, very late]. */
  readonly open = new Counter<[string, string]>(3);
  readonly openCells = new Counter<[string, string, string]>(3);
  /**
   * Quality per Moscow day × executor × municipality × block:
   * [resolved, resolved on time, resolved very late, reopened, rejected].
   */
  readonly executorDaily = new Counter<[string, string, string, string]>(5);
  /** Federal view per Moscow day × region × block: [received, resolved, resolved on time]. */
  readonly regionDaily = new Counter<[string, string, string]>(3);
  /** Federal view's open backlog per region × block: [on time, late, very late]. */
  readonly regionOpen = new Counter<[string, string]>(3);

  constructor(private readonly now: Date) {}

  /**
   * A complaint stored (`sign` 1), or taken out of the dimensions it was counted under (`sign` -1) before it is
   * counted again under new ones (an operator classifying a complaint moves it into a block).
   */
  addComplaint(row: RollupRow, status: ComplaintStatus, sla: SlaState, sign: 1 | -1 = 1): void {
    this.regionDaily.add([moscowDate(row.receivedAt), row.regionCode, dim(row.blockCode)], [sign, 0, 0]);
    if (row.regionCode !== HOME_REGION) {
      if (statusClass(status) === 'open') this.addOpen(row, sla, sign);
      return;
    }
    const hour = floorTo(row.receivedAt, HOUR_MS).toISOString();
    const b = dim(row.blockCode);
    this.hourly.add(
      [hour, dim(row.municipalityOktmo), b, dim(row.categoryCode), row.sourceCode, statusClass(status)],
      sign,
    );
    const recent = this.now.getTime() - row.receivedAt.getTime() < MINUTE_RETENTION_MS;
    const minute = floorTo(row.receivedAt, MINUTE_MS).toISOString();
    const received = RECEIVED.map((v) => v * sign);
    for (const [sm, sb] of scopes(row)) {
      this.hourlyScope.add([sm, sb, hour], received);
      if (recent) this.minute.add([sm, sb, minute], received);
    }
    this.categoryHourly.add([b, hour, dim(row.categoryCode)], sign);
    if (row.h3Coarse) this.h3.add([hour, 6, row.h3Coarse, b], sign);
    if (row.h3Fine) this.h3.add([hour, 8, row.h3Fine, b], sign);
    if (statusClass(status) === 'open') this.addOpen(row, sla, sign);
  }

  /**
   * A quality event of an executor: a resolution (on time when at ≤ due, very late when at ≥ 3× the deadline),
   * a reopen counted against the executor that resolved, or a rejection.
   */
  countQuality(
    executorCode: string,
    row: Pick<RollupRow, 'regionCode' | 'municipalityOktmo' | 'blockCode'>,
    at: Date,
    event: 'resolved' | 'reopened' | 'rejected',
    deadlines?: { dueAt: Date; veryLateAt: Date },
  ): void {
    // Executors are the home region's; another region's center keeps its own quality record.
    if (row.regionCode !== HOME_REGION) return;
    const values = [0, 0, 0, 0, 0];
    if (event === 'resolved') {
      values[0] = 1;
      if (deadlines && at.getTime() <= deadlines.dueAt.getTime()) values[1] = 1;
      if (deadlines && at.getTime() >= deadlines.veryLateAt.getTime()) values[2] = 1;
    } else values[event === 'reopened' ? 3 : 4] = 1;
    this.executorDaily.add(
      [moscowDate(at), executorCode, dim(row.municipalityOktmo), dim(row.blockCode)],
      values,
    );
  }

  /**
   * A status change at `at`; `fromSla` is the stored punctuality, `toSla` the one stored after the change.
   * A change to resolved also counts in the resolution flow of the hour and minute it happened in.
   */
  changeStatus(
    row: RollupRow & { dueAt?: Date },
    from: ComplaintStatus,
    to: ComplaintStatus,
    fromSla: SlaState,
    toSla: SlaState,
    at: Date,
  ): void {
    if (to === 'resolved') {
      const onTime = row.dueAt !== undefined && at.getTime() <= row.dueAt.getTime() ? 1 : 0;
      this.regionDaily.add([moscowDate(at), row.regionCode, dim(row.blockCode)], [0, 1, onTime]);
    }
    if (row.regionCode !== HOME_REGION) {
      if (statusClass(from) === 'open') this.addOpen(row, fromSla, -1);
      if (statusClass(to) === 'open') this.addOpen(row, toSla, 1);
      return;
    }
    if (to === 'resolved') {
      const hour = floorTo(at, HOUR_MS).toISOString();
      const recent = this.now.getTime() - at.getTime() < MINUTE_RETENTION_MS;
      const minute = floorTo(at, MINUTE_MS).toISOString();
      for (const [sm, sb] of scopes(row)) {
        this.hourlyScope.add([sm, sb, hour], RESOLVED);
        if (recent) this.minute.add([sm, sb, minute], RESOLVED);
      }
    }
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
  moveSla(row: OpenDims, from: SlaState, to: SlaState, n: number): void {
    this.addOpen(row, from, -n);
    this.addOpen(row, to, n);
  }

  private addOpen(row: OpenDims, sla: SlaState, n: number): void {
    const values = [0, 0, 0];
    values[SLA_COLUMN[sla]] = n;
    this.regionOpen.add([row.regionCode, dim(row.blockCode)], values);
    if (row.regionCode !== HOME_REGION) return;
    for (const [sm, sb] of scopes(row)) {
      this.open.add([sm, sb], values);
      if (row.h3Coarse) this.openCells.add([sm, sb, row.h3Coarse], values);
    }
  }
}
