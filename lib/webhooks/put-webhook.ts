import { eq } from 'drizzle-orm';
import { sourceWebhooks } from '../../db/schema';
import type { AppContext } from '../context';
import { egressRefusal, EgressRefusedError, type EgressOptions } from '../egress/check-egress';
import { webhookView, type WebhookView } from './webhook-view';
import { DEFAULT_MAX_ATTEMPTS, type WebhookInput } from './webhook-input';

/**
 * Sets (or replaces whole) the webhook of a known source. A new maxAttempts applies to pending deliveries.
 * Throws EgressRefusedError (the route answers 400 naming `url`) when the host resolves to an internal address:
 * the schema refused literal ones already, this is the part that needs DNS. `egress` is for tests (a resolver).
 */
export async function putWebhook(
  ctx: AppContext,
  sourceCode: string,
  input: WebhookInput,
  egress: EgressOptions = {},
): Promise<{ created: boolean; webhook: WebhookView }> {
  const refusal = await egressRefusal(input.url, egress);
  if (refusal) throw new EgressRefusedError(refusal);
  const now = ctx.now();
  return ctx.writer.run(1, () =>
    ctx.db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ createdAt: sourceWebhooks.createdAt })
        .from(sourceWebhooks)
        .where(eq(sourceWebhooks.sourceCode, sourceCode))
        .for('update');
      const values = {
        url: input.url,
        secret: input.secret,
        enabled: input.enabled ?? true,
        maxAttempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        updatedAt: now,
      };
      const [row] = await tx
        .insert(sourceWebhooks)
        .values({ sourceCode, ...values, createdAt: now })
        .onConflictDoUpdate({ target: sourceWebhooks.sourceCode, set: values })
        .returning();
      return { created: !existing, webhook: webhookView(row!) };
    }),
  );
}
