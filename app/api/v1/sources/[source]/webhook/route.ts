import { route } from '@/lib/http/handle-route';
import { clientAddressOf } from '@/lib/server/client-address';
import { recordAudit } from '@/lib/identity/audit';
import type { Actor } from '@/lib/domain/access';
import { readJsonBody } from '@/lib/http/read-json-body';
import { errorResponse, json, overloaded } from '@/lib/http/responses';
import { isOverloaded } from '@/lib/commit/write-queue';
import { getApp } from '@/lib/server/app-registry';
import { deleteWebhook } from '@/lib/webhooks/delete-webhook';
import { getWebhook } from '@/lib/webhooks/get-webhook';
import { putWebhook } from '@/lib/webhooks/put-webhook';
import { unknownSource } from '@/lib/http/unknown-source';
import { WEBHOOK_BODY_SCHEMA, refusedUrlMessage, webhookFieldErrors } from '@/lib/webhooks/webhook-input';
import { isEgressRefusal } from '@/lib/egress/check-egress';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ source: string }> };

const noWebhook = (source: string) =>
  errorResponse(404, 'no_webhook', `source "${source}" has no webhook`, [
    { field: 'source', message: 'has no webhook; set one with PUT' },
  ]);

/** The source's webhook; the secret is never shown, only `secretSet`. */
export const GET = route(
  { action: 'webhook:manage' },
  async (_request: Request, _actor: Actor, { params }: Context): Promise<Response> => {
    const { ctx } = getApp();
    const { source } = await params;
    const unknown = unknownSource(ctx, source);
    if (unknown) return unknown;
    const webhook = await getWebhook(ctx.db, source);
    return webhook ? json(webhook) : noWebhook(source);
  },
);

/** Sets or replaces the webhook the source's answers are POSTed to: 201 when new, 200 when replaced. */
export const PUT = route(
  { action: 'webhook:manage' },
  async (request: Request, actor: Actor, { params }: Context): Promise<Response> => {
    const { ctx } = getApp();
    const { source } = await params;
    const unknown = unknownSource(ctx, source);
    if (unknown) return unknown;
    const body = await readJsonBody(request, 16 * 1024);
    if (!body.ok) return body.response;
    const parsed = WEBHOOK_BODY_SCHEMA.safeParse(body.value);
    if (!parsed.success)
      return errorResponse(
        400,
        'invalid_body',
        'the webhook is not valid',
        webhookFieldErrors(parsed.error, body.value),
      );
    try {
      const { created, webhook } = await putWebhook(ctx, source, parsed.data);
      await recordAudit(ctx.db, {
        actor,
        action: 'webhook_set',
        target: `webhook:${source}`,
        address: clientAddressOf(request),
        detail: { host: new URL(parsed.data.url).host, created },
      });
      return json(webhook, created ? 201 : 200);
    } catch (error) {
      if (isOverloaded(error)) return overloaded(error);
      // The host resolves to an internal address: as refused as a literal one, named in the same field.
      if (isEgressRefusal(error))
        return errorResponse(400, 'invalid_body', 'the webhook is not valid', [
          { field: 'url', message: refusedUrlMessage(error.reason) },
        ]);
      throw error;
    }
  },
);

/** Removes the webhook; its pending deliveries are settled as failed. */
export const DELETE = route(
  { action: 'webhook:manage' },
  async (request: Request, actor: Actor, { params }: Context): Promise<Response> => {
    const { ctx } = getApp();
    const { source } = await params;
    const unknown = unknownSource(ctx, source);
    if (unknown) return unknown;
    try {
      const removed = await deleteWebhook(ctx, source);
      if (removed)
        await recordAudit(ctx.db, {
          actor,
          action: 'webhook_deleted',
          target: `webhook:${source}`,
          address: clientAddressOf(request),
        });
      return removed ? json({ source, deleted: true, ...removed }) : noWebhook(source);
    } catch (error) {
      if (isOverloaded(error)) return overloaded(error);
      throw error;
    }
  },
);
