import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sourceWebhooks } from '../../db/schema';
import { webhookView, type WebhookView } from './webhook-view';

/** The webhook of a source, without its secret; null when none is set. */
export async function getWebhook(db: Db, sourceCode: string): Promise<WebhookView | null> {
  const [row] = await db.select().from(sourceWebhooks).where(eq(sourceWebhooks.sourceCode, sourceCode));
  return row ? webhookView(row) : null;
}
