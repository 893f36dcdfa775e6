import type { AppContext } from '../context';
import type { IngestItemResult } from './types';
import { externalIdOf, validateComplaint } from './validate-complaint';
import { submitForWrite } from './intake-batcher';
import { prepareComplaint } from './prepare-complaint';
import { keyOf, type ComplaintRow } from './write-complaints';
import { intakeItems } from '../metrics/registry';

/**
 * The one write path for intake (API, simulator, importers). Validates every item, then hands the valid new
 * ones to the intake's group commit (which also tells the wall); answers per item in input order only after
 * the commit. Idempotent on (source, externalId): a replay stores nothing and reports `duplicate` with the
 * stored id. `anyAge(index)` lifts the five-year limit for items that are closed history (see validateComplaint).
 * Throws OverloadedError when the writer's backlog is full (nothing of the batch is stored then).
 */
export async function recordComplaints(
  ctx: AppContext,
  items: unknown[],
  anyAge: (index: number) => boolean = () => false,
): Promise<IngestItemResult[]> {
  const now = ctx.now();
  const results: IngestItemResult[] = [];
  const fresh = new Map<string, { index: number; row: ComplaintRow }>();
  const repeats: { index: number; key: string }[] = [];

  items.forEach((raw, index) => {
    const check = validateComplaint(ctx, raw, now, anyAge(index));
    if (!check.ok) {
      results[index] = { externalId: externalIdOf(raw), status: 'rejected', errors: check.errors };
      return;
    }
    const key = keyOf(check.value.input.source, check.value.input.externalId);
    if (fresh.has(key)) repeats.push({ index, key });
    else fresh.set(key, { index, row: prepareComplaint(ctx, check.value) });
  });

  const candidates = [...fresh.values()].map((c) => c.row);
  const outcome =
    candidates.length > 0
      ? await submitForWrite(ctx, candidates)
      : { created: [], idByKey: new Map<string, number>() };
  // A merged transaction's outcome covers other callers' rows too: only our own row objects count as ours,
  // so of two concurrent requests with one key, one hears `created` and the other `duplicate`.
  const own = new Set(candidates);
  const createdKeys = new Set(
    outcome.created.filter((c) => own.has(c.row)).map((c) => keyOf(c.row.sourceCode, c.row.externalId)),
  );

  for (const [key, { index, row }] of fresh) {
    const id = outcome.idByKey.get(key);
    results[index] = createdKeys.has(key)
      ? {
          externalId: row.externalId,
          status: 'created',
          id,
          complaintStatus: row.status,
          ...(row.executorCode ? { executor: row.executorCode } : {}),
        }
      : { externalId: row.externalId, status: 'duplicate', id };
  }
  for (const { index, key } of repeats) {
    results[index] = {
      externalId: fresh.get(key)!.row.externalId,
      status: 'duplicate',
      id: outcome.idByKey.get(key),
    };
  }

  const counts = { stored: 0, duplicate: 0, invalid: 0 };
  for (const r of results)
    counts[r.status === 'created' ? 'stored' : r.status === 'duplicate' ? 'duplicate' : 'invalid'] += 1;
  for (const [outcome, n] of Object.entries(counts)) if (n > 0) intakeItems.inc({ outcome }, n);
  return results;
}
