import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';
import type { ErrorReply } from '../helpers/route-client';
import {
  anAnswer,
  clearWebhooks,
  deliveryRows,
  enqueue,
  SECRET,
  webhookApi,
} from '../helpers/webhook-fixtures';

const NOW = new Date('2026-11-20T10:00:00Z');
const URL_OK = 'https://dobrodel.example/hooks/cur';
let app: TestApp;

interface LogReply {
  source: string;
  deliveries: {
    id: number;
    eventId: number;
    status: string;
    payload: { event: string };
    attempts: unknown[];
  }[];
  nextBefore: number | null;
}

const fieldsOf = (reply: { body: unknown }) =>
  Object.fromEntries((reply.body as ErrorReply).error.errors!.map((e) => [e.field, e.message]));

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => NOW });
});
afterAll(() => app.close());
beforeEach(() => clearWebhooks(app.ctx));

describe('enqueueDeliveries', () => {
  it('queues nothing for a source without a webhook', async () => {
    await webhookApi.put('incident', { url: URL_OK, secret: SECRET });
    expect(await enqueue(app.ctx, [anAnswer({ sourceCode: 'dobrodel' })])).toBe(0);
    expect(await deliveryRows(app.ctx)).toEqual([]);
  });

  it('queues nothing for a disabled webhook', async () => {
    await webhookApi.put('dobrodel', { url: URL_OK, secret: SECRET, enabled: false });
    expect(await enqueue(app.ctx, [anAnswer()])).toBe(0);
    expect(await deliveryRows(app.ctx)).toEqual([]);
  });

  it('queues one delivery per event and source however often the event is replayed', async () => {
    await webhookApi.put('dobrodel', { url: URL_OK, secret: SECRET });
    const answer = anAnswer({ eventId: 42 });
    expect(
      await enqueue(app.ctx, [answer, anAnswer({ eventId: 43, status: 'rejected', reason: 'spam' })]),
    ).toBe(2);
    expect(await enqueue(app.ctx, [answer])).toBe(0);
    expect(await enqueue(app.ctx, [anAnswer({ eventId: 44 }), anAnswer({ eventId: 44 })])).toBe(1);
    const rows = await deliveryRows(app.ctx);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: NOW });
  });

  it('queues only the changes the resident hears of, and only for sources with a webhook', async () => {
    await webhookApi.put('dobrodel', { url: URL_OK, secret: SECRET });
    const queued = await enqueue(app.ctx, [
      anAnswer({ status: 'new' }),
      anAnswer({ status: 'routed' }),
      anAnswer({ status: 'in_progress', sourceCode: 'media' }),
    ]);
    expect(queued).toBe(1);
  });

  it('is rolled back with the transaction it was queued in', async () => {
    await webhookApi.put('dobrodel', { url: URL_OK, secret: SECRET });
    const { enqueueDeliveries } = await import('@/lib/webhooks/enqueue-deliveries');
    await expect(
      app.ctx.db.transaction(async (tx) => {
        await enqueueDeliveries(tx, [anAnswer()], NOW);
        throw new Error('the transition failed');
      }),
    ).rejects.toThrow('the transition failed');
    expect(await deliveryRows(app.ctx)).toEqual([]);
  });
});

describe('PUT/GET/DELETE /api/v1/sources/{source}/webhook', () => {
  it('creates (201), replaces (200) and never shows the secret', async () => {
    const created = await webhookApi.put('dobrodel', { url: URL_OK, secret: SECRET, maxAttempts: 5 });
    expect(created.status).toBe(201);
    const replaced = await webhookApi.put('dobrodel', { url: URL_OK, secret: SECRET, enabled: false });
    expect(replaced.status).toBe(200);
    const got = await webhookApi.get<Record<string, unknown>>('dobrodel');
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      source: 'dobrodel',
      url: URL_OK,
      enabled: false,
      maxAttempts: 8,
      secretSet: true,
    });
    expect(got.body).not.toHaveProperty('secret');
    for (const reply of [created, replaced, got]) expect(JSON.stringify(reply.body)).not.toContain(SECRET);
  });

  it('says which field is wrong and why', async () => {
    const bad = await webhookApi.put('dobrodel', {
      url: 'ftp://dobrodel.example/x',
      secret: 'short',
      enabled: 'yes',
      maxAttempts: 21,
      max_attempts: 3,
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toMatchObject({
      url: 'must be an http or https URL',
      secret: 'must be 16 to 200 characters',
      enabled: 'must be true or false',
      maxAttempts: 'must be 1 to 20',
      max_attempts: 'is not a known field',
    });
    const missing = await webhookApi.put('dobrodel', { url: URL_OK, maxAttempts: 0 });
    expect(fieldsOf(missing)).toEqual({ secret: 'is required', maxAttempts: 'must be 1 to 20' });
    const long = await webhookApi.put('dobrodel', { url: URL_OK, secret: 'x'.repeat(201) });
    expect(fieldsOf(long)).toEqual({ secret: 'must be 16 to 200 characters' });
    expect((await webhookApi.get('dobrodel')).status).toBe(404);
  });

  it('404 for an unknown source and for a source without a webhook', async () => {
    const unknown = await webhookApi.put<ErrorReply>('pigeon-post', { url: URL_OK, secret: SECRET });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.errors![0]!.field).toBe('source');
    expect((await webhookApi.get<ErrorReply>('pigeon-post')).body.error.code).toBe('unknown_source');
    expect((await webhookApi.get<ErrorReply>('media')).body.error.code).toBe('no_webhook');
    expect((await webhookApi.delete('media')).status).toBe(404);
  });

  it('DELETE settles pending deliveries as failed; a retry then needs a webhook', async () => {
    await webhookApi.put('dobrodel', { url: URL_OK, secret: SECRET });
    await enqueue(app.ctx, [anAnswer(), anAnswer()]);
    const removed = await webhookApi.delete('dobrodel');
    expect(removed).toEqual({ status: 200, body: { source: 'dobrodel', deleted: true, pendingFailed: 2 } });
    const rows = await deliveryRows(app.ctx);
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
    const retry = await webhookApi.retry<ErrorReply>(rows[0]!.id);
    expect(retry.status).toBe(409);
    expect(retry.body.error.code).toBe('no_webhook');
  });
});

describe('GET /api/v1/sources/{source}/deliveries', () => {
  it('lists newest first with attempts, filters by status and pages with before', async () => {
    await webhookApi.put('dobrodel', { url: URL_OK, secret: SECRET });
    await enqueue(
      app.ctx,
      [1, 2, 3, 4, 5].map((n) => anAnswer({ eventId: 9000 + n })),
    );
    const page1 = await webhookApi.deliveries<LogReply>('dobrodel', '?limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.deliveries.map((d) => d.eventId)).toEqual([9005, 9004]);
    expect(page1.body.deliveries[0]).toMatchObject({
      status: 'pending',
      attempts: [],
      payload: { event: 'complaint.resolved' },
    });
    const page2 = await webhookApi.deliveries<LogReply>(
      'dobrodel',
      `?limit=2&before=${page1.body.nextBefore}`,
    );
    expect(page2.body.deliveries.map((d) => d.eventId)).toEqual([9003, 9002]);
    const page3 = await webhookApi.deliveries<LogReply>(
      'dobrodel',
      `?limit=2&before=${page2.body.nextBefore}`,
    );
    expect(page3.body).toMatchObject({ nextBefore: null });
    expect(page3.body.deliveries).toHaveLength(1);
    expect((await webhookApi.deliveries<LogReply>('dobrodel', '?status=failed')).body.deliveries).toEqual([]);
    expect((await webhookApi.deliveries<LogReply>('incident')).body.deliveries).toEqual([]);
  });

  it('refuses a bad query, naming the parameter', async () => {
    const bad = await webhookApi.deliveries('dobrodel', '?status=lost&limit=0&before=abc');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual({
      status: 'must be one of: pending, delivered, failed',
      limit: 'must be 1 to 200',
      before: 'must be a delivery id',
    });
    expect((await webhookApi.deliveries('pigeon-post')).status).toBe(404);
  });
});

describe('OpenAPI part for webhooks', () => {
  it('documents the three routes and every schema it refers to', async () => {
    const { WEBHOOK_OPENAPI_PATHS, WEBHOOK_OPENAPI_SCHEMAS, WEBHOOK_OPENAPI_WEBHOOKS } =
      await import('@/lib/webhooks/openapi-paths');
    expect(Object.keys(WEBHOOK_OPENAPI_PATHS).sort()).toEqual([
      '/api/v1/sources/{source}/deliveries',
      '/api/v1/sources/{source}/webhook',
      '/api/v1/webhook-deliveries/{id}/retry',
    ]);
    const text = JSON.stringify([WEBHOOK_OPENAPI_PATHS, WEBHOOK_OPENAPI_SCHEMAS, WEBHOOK_OPENAPI_WEBHOOKS]);
    const refs = [...text.matchAll(/#\/components\/schemas\/(\w+)/g)].map((m) => m[1]!);
    const known = new Set([...Object.keys(WEBHOOK_OPENAPI_SCHEMAS), 'Error']);
    expect(refs.filter((name) => !known.has(name))).toEqual([]);
  });
});
