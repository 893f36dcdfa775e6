import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '../../db/client';

/** What a node needs of the live version to rebuild it. */
export interface LiveVersion {
  id: number;
  trainedFrom: number;
  heldOutFrom: number;
  threshold: number;
}

/**
 * The live version, or null while the seed model alone classifies. `lock` (in a transaction) holds its row to
 * the commit: a second writer then waits and finds it no longer live, instead of failing on the unique index.
 */
export async function readLiveVersion(db: Db | Tx, lock = false): Promise<LiveVersion | null> {
  const [row] = rowsOf<{
    id: string | number;
    trained_from: string | number;
    held_out_from: string | number;
    threshold: number;
  }>(
    await db.execute(sql`select id, trained_from, held_out_from, threshold from classifier_versions
      where status = 'live' ${lock ? sql`for update` : sql``}`),
  );
  if (!row) return null;
  return {
    id: Number(row.id),
    trainedFrom: Number(row.trained_from),
    heldOutFrom: Number(row.held_out_from),
    threshold: Number(row.threshold),
  };
}
