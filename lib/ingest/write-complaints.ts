import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { pgArray } from '../../db/pg-array';
import { slaStateAt, type SlaState } from '../lifecycle/statuses';
import { ensurePartitionsFor } from '../partitions/ensure-partitions';
import { applyRollupDelta } from '../rollups/apply-rollup-delta';
import { RollupDelta } from '../rollups/rollup-delta';

/** A complaint ready to store: validated, located, classified, with its deadlines. */
export interface ComplaintRow {
  sourceCode: string;
  externalId: string;
  receivedAt: Date;
  text: string;
  lat: number | null;
  lon: number | null;
  address: string | null;
  municipalityOktmo: string | null;
  blockCode: string | null;
  categoryCode: string | null;
  dueAt: Date;
  veryLateAt: Date;
  h3Fine: string | null;
  h3Coarse: string | null;
}

export interface WriteOutcome {
  /** Rows stored now (the very objects passed in), with their new ids. */
  created: { row: ComplaintRow; id: number }[];
  /** `source\0externalId` → id, for every row of the batch (new or already stored). */
  idByKey: Map<string, number>;
}

export const keyOf = (source: string, externalId: string) => `${source}\u0000${externalId}`;
const iso = (d: Date) => d.toISOString();

/**
 * Stores a batch in one transaction with a handful of array-parameter statements (`unnest`), whatever its size:
 * the idempotency keys (a replayed key keeps its first id), the complaints, their `created` events and the
 * rollups. Only rows whose key is new are stored.
 */
export async function writeComplaints(db: Db, batch: ComplaintRow[], now: Date): Promise<WriteOutcome> {
  // Key order: two intake transactions running side by side lock shared keys in the same order (no deadlock).
  const rows = [...batch].sort((a, b) => {
    const [ka, kb] = [keyOf(a.sourceCode, a.externalId), keyOf(b.sourceCode, b.externalId)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  await ensurePartitionsFor(
    db,
    rows.map((r) => r.receivedAt),
  );
  const idByKey = new Map<string, number>();
  const created: WriteOutcome['created'] = [];

  await db.transaction(async (tx) => {
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
    if (created.length === 0) return;

    const slaStates: SlaState[] = created.map(({ row }) => slaStateAt(now, row.dueAt, row.veryLateAt));
    const stored = created.map(({ row, id }) => ({ ...row, id }));
    const col = <T extends string | number | null>(pick: (r: (typeof stored)[number]) => T) =>
      pgArray(stored.map(pick));
    await tx.execute(sql`
      insert into complaints (id, source_code, external_id, received_at, text, lat, lon, address, municipality_oktmo,
        block_code, category_code, status, status_at, sla_state, due_at, very_late_at, h3_fine, h3_coarse)
      select id, s, e, r, txt, lat, lon, addr, m, b, c, 'new', r, sla, due, vl, h3f, h3c
      from unnest(${col((r) => r.id)}::int8[], ${col((r) => r.sourceCode)}::text[], ${col((r) => r.externalId)}::text[],
        ${col((r) => iso(r.receivedAt))}::timestamptz[], ${col((r) => r.text)}::text[], ${col((r) => r.lat)}::float8[],
        ${col((r) => r.lon)}::float8[], ${col((r) => r.address)}::text[], ${col((r) => r.municipalityOktmo)}::text[],
        ${col((r) => r.blockCode)}::text[], ${col((r) => r.categoryCode)}::text[], ${pgArray(slaStates)}::text[],
        ${col((r) => iso(r.dueAt))}::timestamptz[], ${col((r) => iso(r.veryLateAt))}::timestamptz[],
        ${col((r) => r.h3Fine)}::text[], ${col((r) => r.h3Coarse)}::text[])
        as t(id, s, e, r, txt, lat, lon, addr, m, b, c, sla, due, vl, h3f, h3c)`);
    await tx.execute(sql`
      insert into complaint_events (complaint_id, type, to_status, at, actor)
      select id, 'created', 'new', at, 'source:' || s
      from unnest(${col((r) => r.id)}::int8[], ${col((r) => iso(r.receivedAt))}::timestamptz[], ${col((r) => r.sourceCode)}::text[]) as t(id, at, s)`);

    const delta = new RollupDelta(now);
    created.forEach(({ row }, i) => delta.addComplaint(row, 'new', slaStates[i]!));
    await applyRollupDelta(tx, delta);
  });
  return { created, idByKey };
}
