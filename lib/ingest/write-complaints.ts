import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client';
import { pgArray } from '../../db/pg-array';
import { slaStateAt, type SlaState } from '../domain/statuses';
import { joinProblems } from '../problems/join-problems';
import type { DuplicateRule } from '../problems/match-problems';
import { HOME_REGION } from '../domain/home-region';
import { ROUTING_ACTOR } from '../domain/actors';
import type { CommitUnit } from '../commit/commit-change';
import type { ComplaintRow } from './complaint-row';

export type { ComplaintRow } from './complaint-row';

export interface WriteOutcome {
  /** Rows stored now (the very objects passed in), with their new ids. */
  created: { row: ComplaintRow; id: number }[];
  /** `source\0externalId` → id, for every row of the batch (new or already stored). */
  idByKey: Map<string, number>;
}

export const keyOf = (source: string, externalId: string) => `${source}\u0000${externalId}`;
const iso = (d: Date) => d.toISOString();

/**
 * Stores a batch in the commit step's transaction with a handful of array-parameter statements (`unnest`),
 * whatever its size: the idempotency keys (a replayed key keeps its first id), the complaints, their `created`
 * events, and their counts in the unit's rollup delta. Only rows whose key is new are stored. The caller has
 * made the batch's monthly partitions exist (DDL stays outside the transaction).
 */
export async function writeComplaints(
  tx: Tx,
  unit: Pick<CommitUnit, 'now' | 'delta' | 'late'>,
  batch: ComplaintRow[],
  duplicateRules: ReadonlyMap<string, DuplicateRule>,
): Promise<WriteOutcome> {
  // Key order: two intake transactions running side by side lock shared keys in the same order (no deadlock).
  const rows = [...batch].sort((a, b) => {
    const [ka, kb] = [keyOf(a.sourceCode, a.externalId), keyOf(b.sourceCode, b.externalId)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const idByKey = new Map<string, number>();
  const created: WriteOutcome['created'] = [];

  const claimed = rowsOf<{ source_code: string; external_id: string; id: string | number }>(
    await tx.execute(sql`
      insert into complaint_keys (source_code, external_id, complaint_id, received_at)
      select s, e, nextval('complaints_id_seq'), r
      from unnest(${pgArray(rows.map((r) => r.sourceCode))}::text[], ${pgArray(rows.map((r) => r.externalId))}::text[],
                  ${pgArray(rows.map((r) => iso(r.receivedAt)))}::timestamptz[]) as t(s, e, r)
      on conflict do nothing
      returning source_code, external_id, complaint_id as id`),
  );
  for (const c of claimed) idByKey.set(keyOf(c.source_code, c.external_id), Number(c.id));
  const taken = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row.sourceCode, row.externalId);
    const id = idByKey.get(key);
    // The first row of a key claimed it; a later one in the same transaction is its duplicate.
    if (id !== undefined && !taken.has(key)) created.push({ row, id });
    taken.add(key);
  }

  if (claimed.length < taken.size) {
    const known = rowsOf<{ source_code: string; external_id: string; id: string | number }>(
      await tx.execute(sql`
        select k.source_code, k.external_id, k.complaint_id as id
        from complaint_keys k
        join unnest(${pgArray(rows.map((r) => r.sourceCode))}::text[], ${pgArray(rows.map((r) => r.externalId))}::text[]) as t(s, e)
          on k.source_code = t.s and k.external_id = t.e`),
    );
    for (const k of known) {
      const key = keyOf(k.source_code, k.external_id);
      if (!idByKey.has(key)) idByKey.set(key, Number(k.id));
    }
  }
  if (created.length === 0) return { created, idByKey };

  const slaStates: SlaState[] = created.map(({ row }) => slaStateAt(unit.now, row.dueAt, row.veryLateAt));
  // Problems are the home region's: another region's complaints never join or start one.
  const home = created.filter(({ row }) => row.regionCode === HOME_REGION);
  const homeProblemIds = await joinProblems(
    tx,
    home.map(({ row }) => ({ ...row, blockCode: row.blockCode ?? '', open: true })),
    duplicateRules,
    (update) => unit.late.push(update),
  );
  const problemOf = new Map(home.map(({ id }, i) => [id, homeProblemIds[i] ?? null]));
  const stored = created.map(({ row, id }) => ({ ...row, id, problemId: problemOf.get(id) ?? null }));
  const col = <T extends string | number | null>(pick: (r: (typeof stored)[number]) => T) =>
    pgArray(stored.map(pick));
  await tx.execute(sql`
    insert into complaints (id, source_code, external_id, received_at, text, lat, lon, address, municipality_oktmo,
      block_code, category_code, status, status_at, sla_state, due_at, very_late_at, h3_fine, h3_coarse,
      executor_code, problem_id, class_source, class_confidence, place_source, place_name, place_candidates,
      region_code, possibly_foreign_region)
    select id, s, e, r, txt, lat, lon, addr, m, b, c, st, r, sla, due, vl, h3f, h3c, ex, pr, cs, cc, ps, pn, pc, rg, pf
    from unnest(${col((r) => r.id)}::int8[], ${col((r) => r.sourceCode)}::text[], ${col((r) => r.externalId)}::text[],
      ${col((r) => iso(r.receivedAt))}::timestamptz[], ${col((r) => r.text)}::text[], ${col((r) => r.lat)}::float8[],
      ${col((r) => r.lon)}::float8[], ${col((r) => r.address)}::text[], ${col((r) => r.municipalityOktmo)}::text[],
      ${col((r) => r.blockCode)}::text[], ${col((r) => r.categoryCode)}::text[], ${col((r) => r.status)}::text[],
      ${pgArray(slaStates)}::text[], ${col((r) => iso(r.dueAt))}::timestamptz[],
      ${col((r) => iso(r.veryLateAt))}::timestamptz[], ${col((r) => r.h3Fine)}::text[], ${col((r) => r.h3Coarse)}::text[],
      ${col((r) => r.executorCode)}::text[], ${col((r) => r.problemId)}::int8[], ${col((r) => r.classSource)}::text[],
      ${col((r) => r.classConfidence)}::float4[], ${col((r) => r.placeSource)}::text[], ${col((r) => r.placeName)}::text[],
      ${col((r) => r.placeCandidates)}::text[], ${col((r) => r.regionCode)}::text[],
      ${col((r) => r.possiblyForeignRegion)}::text[])
      as t(id, s, e, r, txt, lat, lon, addr, m, b, c, st, sla, due, vl, h3f, h3c, ex, pr, cs, cc, ps, pn, pc, rg, pf)`);
  await tx.execute(sql`
    insert into complaint_events (complaint_id, type, to_status, at, actor)
    select id, 'created', 'new', at, 'source:' || s
    from unnest(${col((r) => r.id)}::int8[], ${col((r) => iso(r.receivedAt))}::timestamptz[], ${col((r) => r.sourceCode)}::text[]) as t(id, at, s)`);
  // Routing on intake is the complaint's first lifecycle step, recorded with the rule that chose the executor.
  const routed = stored.filter((r) => r.status === 'routed');
  if (routed.length > 0) {
    const rcol = <T extends string | number | null>(pick: (r: (typeof stored)[number]) => T) =>
      pgArray(routed.map(pick));
    await tx.execute(sql`
      insert into complaint_events (complaint_id, type, from_status, to_status, at, actor, executor_code, rule_id)
      select id, 'status', 'new', 'routed', at, ${ROUTING_ACTOR}, ex, rule
      from unnest(${rcol((r) => r.id)}::int8[], ${rcol((r) => iso(r.receivedAt))}::timestamptz[],
        ${rcol((r) => r.executorCode)}::text[], ${rcol((r) => r.ruleId)}::text[]) as t(id, at, ex, rule)`);
  }

  created.forEach(({ row }, i) => unit.delta.addComplaint(row, row.status, slaStates[i]!));
  return { created, idByKey };
}
