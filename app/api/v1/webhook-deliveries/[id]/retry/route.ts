import { route } from '@/lib/http/handle-route';
import { clientAddressOf } from '@/lib/server/client-address';
import { recordAudit } from '@/lib/identity/audit';
import type { Actor } from '@/lib/domain/access';
import { parseIdParam } from '@/lib/http/id-param';
import { errorResponse, json, overloaded } from '@/lib/http/responses';
import { isOverloaded } from '@/lib/commit/write-queue';
import { getApp } from '@/lib/server/app-registry';
import { retryDelivery } from '@/lib/webhooks/retry-delivery';

export const dynamic = 'force-dynamic';

/** Puts a failed delivery back to pending, due now, with a fresh round of attempts. */
export const POST = route(
  { action: 'webhook:manage' },
  async (
    request: Request,
    actor: Actor,
    { params }: { params: Promise<{ id: string }> },
  ): Promise<Response> => {
    const { id } = await params;
    const parsed = parseIdParam(id, 'delivery');
    if (!parsed.ok) return parsed.response;
    let result;
    try {
      result = await retryDelivery(getApp().ctx, parsed.id);
    } catch (error) {
      if (isOverloaded(error)) return overloaded(error);
      throw error;
    }
    switch (result.status) {
      case 'queued':
        await recordAudit(getApp().ctx.db, {
          actor,
          action: 'webhook_retried',
          target: `delivery:${result.id}`,
          address: clientAddressOf(request),
        });
        return json({ id: result.id, status: 'pending', nextAttemptAt: result.nextAttemptAt });
      case 'not_found':
        return errorResponse(404, 'not_found', `delivery ${id} does not exist`, [
          { field: 'id', message: 'no such delivery' },
        ]);
      case 'not_failed':
        return errorResponse(409, 'not_failed', `delivery ${id} is ${result.current}`, [
          { field: 'id', message: `only a failed delivery can be retried; this one is ${result.current}` },
        ]);
      case 'no_webhook':
        return errorResponse(409, 'no_webhook', `source "${result.source}" has no webhook`, [
          { field: 'id', message: `set a webhook for "${result.source}" first` },
        ]);
    }
  },
);
