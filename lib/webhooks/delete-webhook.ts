import { and, eq } from 'drizzle-orm';
import { sourceWebhooks, webhookDeliveries } from '../../db/schema';
import type { AppContext } from '../context';

export const WEBHOOK_REMOVED_ERROR = 'webhook removed before delivery';

/**
 * Removes a source's webhook. Its pending deliveries are settled as failed, not left waiting for an address
 * that is gone; they stay in the log and can be retried by hand once a webhook is set again.
 * Returns null when the source had no webhook.
 */
export async function deleteWebhook(
  ctx: AppContext,
  sourceCode: string,
): Promise<{ pendingFailed: number } | null> {
  return ctx.writer.run(1, () =>
    ctx.db.transaction(async (tx) => {
      const removed = await tx
        .delete(sourceWebhooks)
        .where(eq(sourceWebhooks.sourceCode, sourceCode))
        .returning({ sourceCode: sourceWebhooks.sourceCode });
      if (removed.length === 0) return null;
      const failed = await tx
        .update(webhookDeliveries)
        .set({ status: 'failed', lastError: WEBHOOK_REMOVED_ERROR })
        .where(and(eq(webhookDeliveries.sourceCode, sourceCode), eq(webhookDeliveries.status, 'pending')))
        .returning({ id: webhookDeliveries.id });
      return { pendingFailed: failed.length };
    }),
  );
}
