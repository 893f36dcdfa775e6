import { and, eq, inArray, or } from 'drizzle-orm';
import { cellToParent, latLngToCell } from 'h3-js';
import { complaintEvents, complaints, type NewComplaint } from '../../db/schema';
import type { AppContext } from '../context';
import type { CreatedComplaint } from '../realtime/change-bus';
import { WALL_H3_RESOLUTION } from '../realtime/contract';
import { DEFAULT_DEADLINE_HOURS } from './limits';
import type { IngestItemResult } from './types';
import { externalIdOf, validateComplaint, type ValidComplaint } from './validate-complaint';

/** Fine cells for drill-down maps; the coarse wall cell is derived from it so both always nest. */
export const FINE_H3_RESOLUTION = 8;
const HOUR_MS = 3600 * 1000;

const keyOf = (source: string, externalId: string) => `${source}\u0000${externalId}`;

function toRow(v: ValidComplaint): NewComplaint {
  const { input } = v;
  const hasPoint = input.lat !== undefined && input.lon !== undefined;
  const fine = hasPoint ? latLngToCell(input.lat!, input.lon!, FINE_H3_RESOLUTION) : null;
  return {
    sourceCode: input.source,
    externalId: input.externalId,
    receivedAt: v.receivedAt,
    text: input.text,
    lat: input.lat ?? null,
    lon: input.lon ?? null,
    address: input.address ?? null,
    municipalityOktmo: v.municipalityOktmo,
    blockCode: v.blockCode,
    categoryCode: v.categoryCode,
    status: 'new',
    statusAt: v.receivedAt,
    dueAt: new Date(v.receivedAt.getTime() + (v.deadlineHours ?? DEFAULT_DEADLINE_HOURS) * HOUR_MS),
    h3Fine: fine,
    h3Coarse: fine ? cellToParent(fine, WALL_H3_RESOLUTION) : null,
  };
}

/**
 * The one write path for intake (API, simulator, importers). Validates every item, stores the valid new ones and
 * their `created` events in one transaction, and answers per item in input order only after the commit.
 * Idempotent on (source, externalId): a replay stores nothing and reports `duplicate` with the stored id.
 */
export async function recordComplaints(ctx: AppContext, items: unknown[]): Promise<IngestItemResult[]> {
  const now = ctx.now();
  const results: IngestItemResult[] = [];
  const fresh = new Map<string, { index: number; value: ValidComplaint }>();
  const repeats: { index: number; key: string }[] = [];

  items.forEach((raw, index) => {
    const check = validateComplaint(ctx, raw, now);
    if (!check.ok) {
      results[index] = { externalId: externalIdOf(raw), status: 'rejected', errors: check.errors };
      return;
    }
    const key = keyOf(check.value.input.source, check.value.input.externalId);
    if (fresh.has(key)) repeats.push({ index, key });
    else fresh.set(key, { index, value: check.value });
  });

  const idByKey = new Map<string, number>();
  const createdKeys = new Set<string>();
  const created: CreatedComplaint[] = [];

  if (fresh.size > 0) {
    const candidates = [...fresh.values()];
    await ctx.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(complaints)
        .values(candidates.map((c) => toRow(c.value)))
        .onConflictDoNothing({ target: [complaints.sourceCode, complaints.externalId] })
        .returning({
          id: complaints.id,
          sourceCode: complaints.sourceCode,
          externalId: complaints.externalId,
          receivedAt: complaints.receivedAt,
          blockCode: complaints.blockCode,
          categoryCode: complaints.categoryCode,
          municipalityOktmo: complaints.municipalityOktmo,
          lat: complaints.lat,
          lon: complaints.lon,
        });
      for (const row of inserted) {
        const key = keyOf(row.sourceCode, row.externalId);
        idByKey.set(key, row.id);
        createdKeys.add(key);
        created.push({
          id: row.id,
          receivedAt: row.receivedAt,
          blockCode: row.blockCode,
          categoryCode: row.categoryCode,
          municipalityOktmo: row.municipalityOktmo,
          lat: row.lat,
          lon: row.lon,
        });
      }
      if (inserted.length > 0) {
        await tx.insert(complaintEvents).values(
          inserted.map((row) => ({
            complaintId: row.id,
            type: 'created' as const,
            toStatus: 'new' as const,
            at: row.receivedAt,
            actor: `source:${row.sourceCode}`,
          })),
        );
      }
      const existing = candidates.filter(
        (c) => !createdKeys.has(keyOf(c.value.input.source, c.value.input.externalId)),
      );
      if (existing.length > 0) {
        const bySource = new Map<string, string[]>();
        for (const { value } of existing) {
          const list = bySource.get(value.input.source) ?? [];
          list.push(value.input.externalId);
          bySource.set(value.input.source, list);
        }
        const found = await tx
          .select({ id: complaints.id, sourceCode: complaints.sourceCode, externalId: complaints.externalId })
          .from(complaints)
          .where(
            or(
              ...[...bySource].map(([source, ids]) =>
                and(eq(complaints.sourceCode, source), inArray(complaints.externalId, ids)),
              ),
            ),
          );
        for (const row of found) idByKey.set(keyOf(row.sourceCode, row.externalId), row.id);
      }
    });
  }

  for (const [key, { index, value }] of fresh) {
    results[index] = {
      externalId: value.input.externalId,
      status: createdKeys.has(key) ? 'created' : 'duplicate',
      id: idByKey.get(key),
    };
  }
  for (const { index, key } of repeats) {
    const first = fresh.get(key)!;
    results[index] = { externalId: first.value.input.externalId, status: 'duplicate', id: idByKey.get(key) };
  }

  ctx.changes.publish({ created, transitions: [] });
  return results;
}
