import { route } from '@/lib/http/handle-route';
import type { Actor } from '@/lib/domain/access';
import { errorResponse, json } from '@/lib/http/responses';
import { getApp } from '@/lib/server/app-registry';
import { getDeliveryLog } from '@/lib/webhooks/delivery-log';
import { unknownSource } from '@/lib/http/unknown-source';
import { DELIVERY_LOG_QUERY_SCHEMA, webhookFieldErrors } from '@/lib/webhooks/webhook-input';

export const dynamic = 'force-dynamic';

/** The source's delivery log, newest first, each delivery with its attempts; `before` pages back. */
export const GET = route(
  { action: 'webhook:manage' },
  async (
    request: Request,
    _actor: Actor,
    { params }: { params: Promise<{ source: string }> },
  ): Promise<Response> => {
    const { ctx } = getApp();
    const { source } = await params;
    const unknown = unknownSource(ctx, source);
    if (unknown) return unknown;
    const raw = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = DELIVERY_LOG_QUERY_SCHEMA.safeParse(raw);
    if (!parsed.success)
      return errorResponse(
        400,
        'invalid_query',
        'the query is not valid',
        webhookFieldErrors(parsed.error, raw),
      );
    return json(await getDeliveryLog(ctx.db, source, parsed.data));
  },
);
