/**
 * The ingest ceiling: the same rows the app stored, COPYed into a bare table of the complaints' shape (no
 * indexes, no partitions, no constraints, no dedupe, no rollups). Rows are built here from the same batch
 * templates and prefixes the HTTP run used, with the values the app derives, then checked against a sample of
 * what the app really stored, so the ceiling is for the same bytes.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import type { BatchTemplate, TemplateItem } from './complaints';
import { computeDeadlines } from '../../lib/sla/deadline';
import { nowMs } from './stats';

type Value = string | number | null;
type Builder = (item: TemplateItem, externalId: string) => Value;

const iso = (ms: number) => new Date(ms).toISOString();

/** Every column the app fills on intake, as the app fills it (lib/ingest/record-complaints.ts). */
/** The app's own deadline rule: hours, or working days of the production calendar. */
const deadlinesOf = (it: TemplateItem) =>
  computeDeadlines(new Date(it.receivedAtMs), {
    hours: it.category.deadlineHours,
    workingDays: it.category.deadlineWorkingDays,
  });

const BUILDERS: Record<string, Builder> = {
  source_code: (it) => it.source,
  external_id: (_it, id) => id,
  received_at: (it) => iso(it.receivedAtMs),
  text: (it) => it.text,
  lat: (it) => it.point.lat,
  lon: (it) => it.point.lon,
  address: () => null,
  municipality_oktmo: (it) => it.point.oktmo,
  block_code: (it) => it.category.block,
  category_code: (it) => it.category.code,
  // Every bench complaint has a category: intake routes it at once.
  status: () => 'routed',
  status_at: (it) => iso(it.receivedAtMs),
  due_at: (it) => deadlinesOf(it).dueAt.toISOString(),
  // Templates are received within the last 3 hours and the shortest deadline is 24 h: on time at intake.
  sla_state: () => 'on_time',
  very_late_at: (it) => deadlinesOf(it).veryLateAt.toISOString(),
  h3_fine: (it) => it.point.h3Fine,
  h3_coarse: (it) => it.point.h3Coarse,
  resolved_at: () => null,
  closed_at: () => null,
};
/** Filled by column defaults, in the app as in the copy. */
const DEFAULTED = new Set(['id', 'created_at', 'updated_at']);

function csvField(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  return `"${v.replace(/"/g, '""')}"`;
}

export interface CeilingResult {
  rows: number;
  seconds: number;
  perSecond: number;
  columns: string[];
  /** Sampled stored rows whose every copied column equals the built row. */
  verifiedEqual: number;
  verifiedTotal: number;
  mismatches: string[];
}

export async function copyCeiling(
  databaseUrl: string,
  templates: BatchTemplate[],
  sent: { prefix: string; template: number }[],
  rows: number,
  runTag: string,
): Promise<CeilingResult> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const cols = await sql<{ name: string; nullable: string; dflt: string | null; identity: string }[]>`
      select column_name as name, is_nullable as nullable, column_default as dflt, is_identity as identity
      from information_schema.columns
      where table_schema = 'public' and table_name = 'complaints' order by ordinal_position`;
    const unknown = cols.filter(
      (c) =>
        !BUILDERS[c.name] && !DEFAULTED.has(c.name) && c.nullable === 'NO' && !c.dflt && c.identity !== 'YES',
    );
    if (unknown.length > 0)
      throw new Error(
        `complaints has required columns the bench cannot fill: ${unknown.map((c) => c.name).join(', ')}`,
      );
    const columns = cols.map((c) => c.name).filter((n) => BUILDERS[n]);
    const skipped = cols.map((c) => c.name).filter((n) => !BUILDERS[n] && !DEFAULTED.has(n));

    // Built before the clock starts: the ceiling is PostgreSQL's, not the CSV encoder's.
    const chunks: Buffer[] = [];
    const sample = new Map<string, Value[]>();
    let built = 0;
    for (let b = 0; built < rows; b++) {
      const ref = sent[b] ?? { prefix: `${runTag}ceil${b}`, template: b % templates.length };
      const template = templates[ref.template]!;
      const lines: string[] = [];
      template.items.forEach((item, i) => {
        if (built >= rows) return;
        const externalId = `${ref.prefix}-${i}`;
        const values = columns.map((c) => BUILDERS[c]!(item, externalId));
        if (b < sent.length && i % 97 === 0 && sample.size < 200) sample.set(externalId, values);
        lines.push(values.map(csvField).join(','));
        built++;
      });
      chunks.push(Buffer.from(`${lines.join('\n')}\n`));
    }

    await sql`drop table if exists bench_copy_ceiling`;
    // LIKE copies columns, NOT NULL and defaults (the id sequence too) but no index, constraint or partitioning.
    await sql`create table bench_copy_ceiling (like complaints including defaults including identity)`;
    const t0 = nowMs();
    const writable =
      await sql`copy bench_copy_ceiling (${sql.unsafe(columns.join(', '))}) from stdin with (format csv)`.writable();
    await pipeline(Readable.from(chunks), writable);
    const seconds = (nowMs() - t0) / 1000;
    const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from bench_copy_ceiling`;
    if (n !== rows) throw new Error(`COPY stored ${n} rows, expected ${rows}`);
    await sql`drop table bench_copy_ceiling`;

    const mismatches: string[] = [];
    let verifiedEqual = 0;
    const stored = await sql.unsafe<Record<string, unknown>[]>(
      `select ${columns.join(', ')} from complaints where external_id = any($1)`,
      [[...sample.keys()]],
    );
    for (const row of stored) {
      const mine = sample.get(String(row.external_id))!;
      const diffs = columns.filter((c, i) => {
        const theirs = row[c];
        const v = theirs instanceof Date ? theirs.toISOString() : theirs;
        return v !== mine[i] && !(v === undefined && mine[i] === null);
      });
      if (diffs.length === 0) verifiedEqual++;
      else if (mismatches.length < 5)
        mismatches.push(
          `${String(row.external_id)}: ${diffs.map((c) => `${c} stored=${String(row[c] instanceof Date ? (row[c] as Date).toISOString() : row[c])} built=${mine[columns.indexOf(c)]}`).join('; ')}`,
        );
    }
    if (stored.length < sample.size)
      mismatches.push(`${sample.size - stored.length} sampled rows not stored by the app`);
    if (skipped.length > 0)
      mismatches.push(`columns left to their defaults/NULL in the copy: ${skipped.join(', ')}`);
    return {
      rows,
      seconds,
      perSecond: rows / seconds,
      columns,
      verifiedEqual,
      verifiedTotal: sample.size,
      mismatches,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
