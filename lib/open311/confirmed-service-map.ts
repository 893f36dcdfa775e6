import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { open311ServiceMappings } from '../../db/schema';

/** The service → category mapping an admin confirmed for one server: what its imports use for the category. */
export async function confirmedServiceMap(db: Db, sourceHost: string): Promise<Record<string, string>> {
  const rows = await db
    .select({ code: open311ServiceMappings.serviceCode, category: open311ServiceMappings.categoryCode })
    .from(open311ServiceMappings)
    .where(
      and(
        eq(open311ServiceMappings.sourceHost, sourceHost),
        eq(open311ServiceMappings.state, 'confirmed'),
        isNotNull(open311ServiceMappings.categoryCode),
      ),
    );
  return Object.fromEntries(rows.map((r) => [r.code, r.category!]));
}
