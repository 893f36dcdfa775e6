import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { pgArray } from '../../db/pg-array';
import type { RollupDelta } from './rollup-delta';

interface Target {
  table: string;
  columns: { name: string; type: string }[];
}

const TARGETS = {
  hourly: {
    table: 'rollup_hourly',
    columns: [
      { name: 'bucket', type: 'timestamptz' },
      { name: 'municipality_oktmo', type: 'text' },
      { name: 'block_code', type: 'text' },
      { name: 'category_code', type: 'text' },
      { name: 'source_code', type: 'text' },
      { name: 'status_class', type: 'text' },
    ],
  },
  hourlyScope: {
    table: 'rollup_hourly_scope',
    columns: [
      { name: 'bucket', type: 'timestamptz' },
      { name: 'municipality_oktmo', type: 'text' },
      { name: 'block_code', type: 'text' },
    ],
  },
  minute: {
    table: 'rollup_minute',
    columns: [
      { name: 'bucket', type: 'timestamptz' },
      { name: 'municipality_oktmo', type: 'text' },
      { name: 'block_code', type: 'text' },
    ],
  },
  h3: {
    table: 'rollup_h3_hourly',
    columns: [
      { name: 'bucket', type: 'timestamptz' },
      { name: 'resolution', type: 'int2' },
      { name: 'h3', type: 'text' },
      { name: 'block_code', type: 'text' },
    ],
  },
  open: {
    table: 'rollup_open',
    columns: [
      { name: 'municipality_oktmo', type: 'text' },
      { name: 'block_code', type: 'text' },
      { name: 'category_code', type: 'text' },
      { name: 'h3_coarse', type: 'text' },
      { name: 'sla_state', type: 'text' },
    ],
  },
} satisfies Record<keyof Omit<RollupDelta, 'now' | 'addComplaint' | 'changeStatus' | 'moveSla'>, Target>;

/** One multi-row upsert: `n` is added to the stored count (a row that did not exist starts from zero). */
function upsert(target: Target, entries: { key: unknown[]; n: number }[]): SQL {
  const names = target.columns.map((c) => c.name).join(', ');
  const arrays = target.columns.map(
    (c, i) => sql`${pgArray(entries.map((e) => e.key[i] as string | number))}::${sql.raw(c.type)}[]`,
  );
  const counts = sql`${pgArray(entries.map((e) => e.n))}::int4[]`;
  return sql`insert into ${sql.raw(target.table)} (${sql.raw(names)}, n)
    select * from unnest(${sql.join([...arrays, counts], sql`, `)})
    on conflict (${sql.raw(names)}) do update set n = ${sql.raw(target.table)}.n + excluded.n`;
}

/** Writes a transaction's rollup changes inside that transaction, so counts and rows commit together. */
export async function applyRollupDelta(tx: Tx, delta: RollupDelta): Promise<void> {
  for (const [name, target] of Object.entries(TARGETS) as [keyof typeof TARGETS, Target][]) {
    const entries = delta[name].sorted();
    if (entries.length > 0) await tx.execute(upsert(target, entries));
  }
}
