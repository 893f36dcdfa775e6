import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { pgArray } from '../../db/pg-array';
import type { Counter, RollupDelta } from './rollup-delta';

interface Target {
  table: string;
  /** Key columns in primary-key order, with their SQL types. */
  keys: [string, string][];
  /** Counted columns, added to on conflict. */
  counts: string[];
}

const TEXT = 'text';
const TIME = 'timestamptz';

const TARGETS: { pick: (d: RollupDelta) => Counter<(string | number)[]>; target: Target }[] = [
  {
    pick: (d) => d.hourly,
    target: {
      table: 'rollup_hourly',
      keys: [
        ['bucket', TIME],
        ['municipality_oktmo', TEXT],
        ['block_code', TEXT],
        ['category_code', TEXT],
        ['source_code', TEXT],
        ['status_class', TEXT],
      ],
      counts: ['n'],
    },
  },
  {
    pick: (d) => d.hourlyScope,
    target: {
      table: 'rollup_hourly_scope',
      keys: [
        ['municipality_oktmo', TEXT],
        ['block_code', TEXT],
        ['bucket', TIME],
      ],
      counts: ['n', 'resolved'],
    },
  },
  {
    pick: (d) => d.minute,
    target: {
      table: 'rollup_minute',
      keys: [
        ['municipality_oktmo', TEXT],
        ['block_code', TEXT],
        ['bucket', TIME],
      ],
      counts: ['n', 'resolved'],
    },
  },
  {
    pick: (d) => d.h3,
    target: {
      table: 'rollup_h3_hourly',
      keys: [
        ['bucket', TIME],
        ['resolution', 'int2'],
        ['h3', TEXT],
        ['block_code', TEXT],
      ],
      counts: ['n'],
    },
  },
  {
    pick: (d) => d.categoryHourly,
    target: {
      table: 'rollup_category_hourly',
      keys: [
        ['block_code', TEXT],
        ['bucket', TIME],
        ['category_code', TEXT],
      ],
      counts: ['n'],
    },
  },
  {
    pick: (d) => d.open,
    target: {
      table: 'rollup_open',
      keys: [
        ['municipality_oktmo', TEXT],
        ['block_code', TEXT],
      ],
      counts: ['on_time', 'late', 'very_late'],
    },
  },
  {
    pick: (d) => d.openCells,
    target: {
      table: 'rollup_open_cells',
      keys: [
        ['municipality_oktmo', TEXT],
        ['block_code', TEXT],
        ['h3_coarse', TEXT],
      ],
      counts: ['on_time', 'late', 'very_late'],
    },
  },
  {
    pick: (d) => d.executorDaily,
    target: {
      table: 'rollup_executor_daily',
      keys: [
        ['day', 'date'],
        ['executor_code', TEXT],
        ['municipality_oktmo', TEXT],
        ['block_code', TEXT],
      ],
      counts: ['resolved', 'resolved_on_time', 'resolved_very_late', 'reopened', 'rejected'],
    },
  },
  {
    pick: (d) => d.regionDaily,
    target: {
      table: 'rollup_region_daily',
      keys: [
        ['day', 'date'],
        ['region_code', TEXT],
        ['block_code', TEXT],
      ],
      counts: ['received', 'resolved', 'resolved_on_time'],
    },
  },
  {
    pick: (d) => d.regionOpen,
    target: {
      table: 'rollup_region_open',
      keys: [
        ['region_code', TEXT],
        ['block_code', TEXT],
      ],
      counts: ['on_time', 'late', 'very_late'],
    },
  },
];

/** One multi-row upsert: the counts are added to the stored ones (a new row starts from zero). */
function upsert(target: Target, entries: { key: (string | number)[]; values: number[] }[]): SQL {
  const keyNames = target.keys.map(([name]) => name).join(', ');
  const arrays = [
    ...target.keys.map(([, type], i) => sql`${pgArray(entries.map((e) => e.key[i]!))}::${sql.raw(type)}[]`),
    ...target.counts.map((_, i) => sql`${pgArray(entries.map((e) => e.values[i] ?? 0))}::int4[]`),
  ];
  const sets = target.counts.map((c) => `${c} = ${target.table}.${c} + excluded.${c}`).join(', ');
  return sql`insert into ${sql.raw(target.table)} (${sql.raw(keyNames)}, ${sql.raw(target.counts.join(', '))})
    select * from unnest(${sql.join(arrays, sql`, `)})
    on conflict (${sql.raw(keyNames)}) do update set ${sql.raw(sets)}`;
}

/** Writes a transaction's rollup changes inside that transaction, so counts and rows commit together. */
export async function applyRollupDelta(tx: Tx, delta: RollupDelta): Promise<void> {
  for (const { pick, target } of TARGETS) {
    const entries = pick(delta).sorted();
    if (entries.length > 0) await tx.execute(upsert(target, entries));
  }
}
