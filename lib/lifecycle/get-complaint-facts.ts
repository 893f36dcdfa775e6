import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';
import type { ComplaintFacts } from '../domain/access';

/** What access to one complaint is decided on (its executor, block, municipality), or null when it is unknown. */
export async function getComplaintFacts(db: Db, id: number): Promise<ComplaintFacts | null> {
  const [row] = await db
    .select({
      executor: complaints.executorCode,
      block: complaints.blockCode,
      municipality: complaints.municipalityOktmo,
    })
    .from(complaints)
    .where(eq(complaints.id, id))
    .limit(1);
  return row ?? null;
}
