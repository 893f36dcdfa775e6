import { eq } from 'drizzle-orm';
import { sourceWebhooks, webhookDeliveries } from '../../db/schema';
import type { AppContext } from '../context';

export type RetryResult =
  | { status: 'queued'; id: number; nextAttemptAt: Date }
  | { status: 'not_found' }
  | { status: 'not_failed'; current: 'pending' | 'delivered' }
  | { status: 'no_webhook'; source: string };

/**
 * Puts a failed delivery back to pending, due now, with a fresh round of attempts: the operator retries after
 * the receiver was fixed, and a transient error then deserves the whole backoff schedule again.
 */
export async function retryDelivery(ctx: AppContext, id: number): Promise<RetryResult> {
  const now = ctx.now();
  return ctx.writer.run(1, () =>
    ctx.db.transaction(async (tx): Promise<RetryResult> => {
      const [delivery] = await tx
        .select({ status: webhookDeliveries.status, sourceCode: webhookDeliveries.sourceCode })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.id, id))
        .for('update');
      if (!delivery) return { status: 'not_found' };
      if (delivery.status !== 'failed') return { status: 'not_failed', current: delivery.status };
      const [webhook] = await tx
        .select({ sourceCode: sourceWebhooks.sourceCode })
        .from(sourceWebhooks)
        .where(eq(sourceWebhooks.sourceCode, delivery.sourceCode));
      if (!webhook) return { status: 'no_webhook', source: delivery.sourceCode };
      await tx
        .update(webhookDeliveries)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
        .where(eq(webhookDeliveries.id, id));
      return { status: 'queued', id, nextAttemptAt: now };
    }),
  );
}
