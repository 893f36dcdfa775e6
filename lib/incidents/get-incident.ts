import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { incidents } from '../../db/schema';
import type { ReferenceCache } from '../reference/types';
import { toIncident } from './list-incidents';
import type { Incident } from './types';

/** One incident by id, or null. */
export async function getIncident(db: Db, reference: ReferenceCache, id: number): Promise<Incident | null> {
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  return row ? toIncident(row, reference) : null;
}
