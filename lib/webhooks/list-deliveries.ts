import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { webhookDeliveries, type WebhookDelivery } from '../../db/schema';
import type { DeliveryLogQuery } from './webhook-input';

/** A source's deliveries, newest first, optionally of one status and before a delivery id (the cursor). */
export async function listDeliveries(
  db: Db,
  sourceCode: string,
  query: DeliveryLogQuery,
): Promise<WebhookDelivery[]> {
  const filters: SQL[] = [eq(webhookDeliveries.sourceCode, sourceCode)];
  if (query.status) filters.push(eq(webhookDeliveries.status, query.status));
  if (query.before !== undefined) filters.push(lt(webhookDeliveries.id, query.before));
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(...filters))
    .orderBy(desc(webhookDeliveries.id))
    .limit(query.limit);
}
