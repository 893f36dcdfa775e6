import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { pgArray } from '../../db/pg-array';

export type ComplaintTexts = Map<number, string>;

/**
 * The texts of a few complaints by id, with their receipt times so only their monthly partitions are read:
 * the arrivals another node stored that a screen here is about to show.
 */
export async function getComplaintTexts(
  db: Db,
  items: readonly { id: number; receivedAt: Date }[],
): Promise<ComplaintTexts> {
  if (items.length === 0) return new Map();
  const rows = rowsOf<{ id: string | number; text: string }>(
    await db.execute(sql`
      select c.id, c.text from complaints c
      join unnest(${pgArray(items.map((i) => i.id))}::int8[], ${pgArray(items.map((i) => i.receivedAt.toISOString()))}::timestamptz[])
        as t(id, at) on c.id = t.id and c.received_at = t.at`),
  );
  return new Map(rows.map((r) => [Number(r.id), r.text]));
}
