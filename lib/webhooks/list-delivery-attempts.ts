import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { webhookAttempts, type WebhookAttempt } from '../../db/schema';

/** The attempts of the given deliveries, each delivery's in order. */
export async function listDeliveryAttempts(db: Db, deliveryIds: number[]): Promise<WebhookAttempt[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveryIds))
    .orderBy(asc(webhookAttempts.deliveryId), asc(webhookAttempts.attempt));
}
