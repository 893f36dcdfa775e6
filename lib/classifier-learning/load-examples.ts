import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { LEARNING } from './settings';

/** A stored example as training reads it. */
export interface StoredExample {
  id: number;
  text: string;
  label: string | null;
  blockCode: string | null;
  origin: 'decision' | 'import';
}

/** Every example up to `upTo` (inclusive), oldest first: the order training sees them in. */
export async function loadExamples(db: Db, upTo: number): Promise<StoredExample[]> {
  const rows = rowsOf<{
    id: string | number;
    text: string;
    label: string | null;
    block_code: string | null;
    origin: 'decision' | 'import';
  }>(
    await db.execute(sql`select id, text, label, block_code, origin from classifier_examples
      where id <= ${upTo} order by id`),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    text: r.text,
    label: r.label,
    blockCode: r.block_code,
    origin: r.origin,
  }));
}

/** The highest example id and the decisions count so far (0, 0 with none). */
export async function examplesHead(db: Db): Promise<{ maxId: number; decisions: number }> {
  const [row] = rowsOf<{ max_id: string | number | null; decisions: string | number }>(
    await db.execute(sql`select max(id) as max_id,
      count(*) filter (where origin = 'decision') as decisions from classifier_examples`),
  );
  return { maxId: Number(row?.max_id ?? 0), decisions: Number(row?.decisions ?? 0) };
}

/**
 * The first id of the held-out slice: the most recent share of the decisions up to `upTo`. Null when there
 * are too few decisions to judge by. Recent ones, because they are what the model will meet next.
 */
export function heldOutStart(examples: readonly StoredExample[]): number | null {
  const decisions = examples.filter((e) => e.origin === 'decision');
  const size = Math.min(LEARNING.heldOutMax, Math.round(decisions.length * LEARNING.heldOutShare));
  if (size < LEARNING.heldOutMin) return null;
  return decisions[decisions.length - size]!.id;
}

/** Whether an example is in the held-out slice that starts at `from`. */
export function isHeldOut(example: StoredExample, from: number): boolean {
  return example.origin === 'decision' && example.id >= from;
}
