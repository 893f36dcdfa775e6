import { sql } from 'drizzle-orm';
import { GET, PUT, DELETE } from '@/app/api/v1/sources/[source]/webhook/route';
import { GET as getDeliveries } from '@/app/api/v1/sources/[source]/deliveries/route';
import { POST as postRetry } from '@/app/api/v1/webhook-deliveries/[id]/retry/route';
import { rowsOf } from '@/db/client';
import type { AppContext } from '@/lib/context';
import { enqueueDeliveries, type AnswerEvent } from '@/lib/webhooks/enqueue-deliveries';
import { authedRequest } from './identities';

const BASE = 'http://test.local';
let nextEventId = 1000;

/** An answer event with a made-up event id (unique per call unless given). */
export function anAnswer(overrides: Partial<AnswerEvent> = {}): AnswerEvent {
  const eventId = overrides.eventId ?? nextEventId++;
  return {
    eventId,
    complaintId: 500 + eventId,
    sourceCode: 'dobrodel',
    externalId: `DD-${eventId}`,
    status: 'resolved',
    at: new Date('2026-11-20T09:30:00Z'),
    executorCode: 'gkh-krasnogorsk',
    executorName: 'УК «Красногорск»',
    answer: 'Яма заделана',
    photoUrls: ['https://example.org/fix.jpg'],
    reason: null,
    comment: null,
    ...overrides,
  };
}

/** Queues answers the way the transition write path does: inside a transaction. */
export function enqueue(ctx: AppContext, answers: AnswerEvent[]): Promise<number> {
  return ctx.db.transaction((tx) => enqueueDeliveries(tx, answers, ctx.now()));
}

export async function clearWebhooks(ctx: AppContext): Promise<void> {
  await ctx.db.execute(sql`delete from webhook_attempts`);
  await ctx.db.execute(sql`delete from webhook_deliveries`);
  await ctx.db.execute(sql`delete from source_webhooks`);
}

export interface DeliveryRow {
  id: number;
  source: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
}

export async function deliveryRows(ctx: AppContext): Promise<DeliveryRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await ctx.db.execute(sql`
      select id, source_code, status, attempts, next_attempt_at, last_status_code, last_error, delivered_at
      from webhook_deliveries order by id`),
  );
  const date = (v: unknown) => (v === null ? null : new Date(v as string | Date));
  return rows.map((r) => ({
    id: Number(r.id),
    source: String(r.source_code),
    status: String(r.status),
    attempts: Number(r.attempts),
    nextAttemptAt: date(r.next_attempt_at)!,
    lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
    lastError: r.last_error as string | null,
    deliveredAt: date(r.delivered_at),
  }));
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

async function reply<T>(response: Response): Promise<Reply<T>> {
  return { status: response.status, body: (await response.json()) as T };
}

const sourceParams = (source: string) => ({ params: Promise.resolve({ source }) });

/** The webhook and delivery-log route handlers, called with real Request objects as Next would. */
export const webhookApi = {
  put: async <T = unknown>(source: string, body: unknown) =>
    reply<T>(
      await PUT(
        await authedRequest(`${BASE}/api/v1/sources/${source}/webhook`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        sourceParams(source),
      ),
    ),
  get: async <T = unknown>(source: string) =>
    reply<T>(
      await GET(await authedRequest(`${BASE}/api/v1/sources/${source}/webhook`), sourceParams(source)),
    ),
  delete: async <T = unknown>(source: string) =>
    reply<T>(
      await DELETE(
        await authedRequest(`${BASE}/api/v1/sources/${source}/webhook`, { method: 'DELETE' }),
        sourceParams(source),
      ),
    ),
  deliveries: async <T = unknown>(source: string, query = '') =>
    reply<T>(
      await getDeliveries(
        await authedRequest(`${BASE}/api/v1/sources/${source}/deliveries${query}`),
        sourceParams(source),
      ),
    ),
  retry: async <T = unknown>(id: number | string) =>
    reply<T>(
      await postRetry(
        await authedRequest(`${BASE}/api/v1/webhook-deliveries/${id}/retry`, { method: 'POST' }),
        {
          params: Promise.resolve({ id: String(id) }),
        },
      ),
    ),
};

export const SECRET = 'a-very-secret-key-0123456789';
