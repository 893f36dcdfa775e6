import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { startWebhookDispatcher, type WebhookDispatcher } from '@/lib/webhooks/dispatcher';
import { backoffDelayMs } from '@/lib/webhooks/retry-policy';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';
import {
  anAnswer,
  clearWebhooks,
  deliveryRows,
  enqueue,
  SECRET,
  webhookApi,
} from '../helpers/webhook-fixtures';
import { WebhookReceiver } from '../helpers/webhook-receiver';

const START = new Date('2026-11-20T10:00:00Z');
let clock = START;
let app: TestApp;
let receiver: WebhookReceiver;
let dispatcher: WebhookDispatcher;

const advanceTo = (at: Date) => (clock = at);
const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

async function setWebhook(source: string, path: string, extra: Record<string, unknown> = {}) {
  const res = await webhookApi.put(source, { url: receiver.url(path), secret: SECRET, ...extra });
  expect(res.status).toBe(201);
}

async function attemptsOf(deliveryId: number) {
  const rows = rowsOf<Record<string, unknown>>(
    await app.ctx.db.execute(sql`
      select attempt, at, status_code, error, duration_ms from webhook_attempts
      where delivery_id = ${deliveryId} order by attempt`),
  );
  return rows.map((r) => ({
    attempt: Number(r.attempt),
    at: new Date(r.at as string),
    statusCode: r.status_code === null ? null : Number(r.status_code),
    error: r.error as string | null,
    durationMs: Number(r.duration_ms),
  }));
}

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => clock });
  receiver = new WebhookReceiver();
  await receiver.start();
  // The receiver is on loopback: the egress guard lets exactly this host:port through, nothing else.
  process.env.EGRESS_ALLOW_HOSTS = receiver.host;
});
afterAll(async () => {
  delete process.env.EGRESS_ALLOW_HOSTS;
  await receiver.close();
  await app.close();
});
beforeEach(async () => {
  clock = START;
  receiver.reset();
  await clearWebhooks(app.ctx);
  dispatcher = startWebhookDispatcher(app.ctx, { intervalMs: 0, timeoutMs: 400 });
});
afterEach(() => dispatcher.stop());

describe('webhook dispatcher', () => {
  it('POSTs the answer once with the event, delivery id and a valid HMAC signature', async () => {
    await setWebhook('dobrodel', '/ok');
    const tricky = 'Ответ: "яма" заделана\\ {1,2}\nNULL';
    const answer = anAnswer({ eventId: 1, complaintId: 77, externalId: 'DD-77', answer: tricky });
    expect(await enqueue(app.ctx, [answer])).toBe(1);
    expect(await dispatcher.runOnce()).toBe(1);

    const [request] = receiver.to('/ok');
    const [delivery] = await deliveryRows(app.ctx);
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-cur-event']).toBe('complaint.resolved');
    expect(request!.headers['x-cur-delivery']).toBe(String(delivery!.id));
    const expected = createHmac('sha256', SECRET).update(request!.body).digest('hex');
    expect(request!.headers['x-cur-signature']).toBe(`sha256=${expected}`);
    expect(JSON.parse(request!.body)).toEqual({
      event: 'complaint.resolved',
      complaint: { id: 77, externalId: 'DD-77', source: 'dobrodel' },
      status: 'resolved',
      at: '2026-11-20T09:30:00.000Z',
      executor: { code: 'gkh-krasnogorsk', name: 'УК «Красногорск»' },
      answer: tricky,
      photoUrls: ['https://example.org/fix.jpg'],
      reason: null,
      comment: null,
    });
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      deliveredAt: START,
    });
    expect(await attemptsOf(delivery!.id)).toMatchObject([
      { attempt: 1, at: START, statusCode: 200, error: null },
    ]);
    expect(await dispatcher.runOnce()).toBe(0);
    expect(receiver.requests).toHaveLength(1);
  });

  it('retries 500, 500 then 200 with growing backoff and logs three attempts', async () => {
    receiver.script('/flaky', [{ status: 500, body: 'db down' }, { status: 500 }, { status: 200 }]);
    await setWebhook('incident', '/flaky');
    await enqueue(app.ctx, [anAnswer({ sourceCode: 'incident' })]);

    expect(await dispatcher.runOnce()).toBe(1);
    const [first] = await deliveryRows(app.ctx);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    // The log keeps the status and its standard phrase, never the receiver's body.
    expect(first!.lastError).toBe('HTTP 500: Internal Server Error');
    expect(first!.lastError).not.toContain('db down');
    const delay1 = seconds(START, first!.nextAttemptAt);
    expect(delay1).toBeGreaterThanOrEqual(24);
    expect(delay1).toBeLessThanOrEqual(36);
    expect(await dispatcher.runOnce()).toBe(0); // not due yet

    const second = advanceTo(first!.nextAttemptAt);
    expect(await dispatcher.runOnce()).toBe(1);
    const [afterSecond] = await deliveryRows(app.ctx);
    const delay2 = seconds(second, afterSecond!.nextAttemptAt);
    expect(delay2).toBeGreaterThanOrEqual(48);
    expect(delay2).toBeLessThanOrEqual(72);
    expect(delay2).toBeGreaterThan(delay1);

    const third = advanceTo(afterSecond!.nextAttemptAt);
    expect(await dispatcher.runOnce()).toBe(1);
    const [done] = await deliveryRows(app.ctx);
    expect(done).toMatchObject({ status: 'delivered', attempts: 3, deliveredAt: third });
    const attempts = await attemptsOf(done!.id);
    expect(attempts.map((a) => [a.attempt, a.at, a.statusCode])).toEqual([
      [1, START, 500],
      [2, second, 500],
      [3, third, 200],
    ]);
    expect(new Set(receiver.to('/flaky').map((r) => r.body)).size).toBe(1); // the same bytes every time
  });

  it('honours Retry-After on 429 (seconds) and on 503 (an HTTP date)', async () => {
    receiver.script('/busy', [
      { status: 429, headers: { 'retry-after': '120' } },
      { status: 503, headers: { 'retry-after': new Date(START.getTime() + 900_000).toUTCString() } },
      { status: 204 },
    ]);
    await setWebhook('call-112', '/busy');
    await enqueue(app.ctx, [anAnswer({ sourceCode: 'call-112' })]);
    await dispatcher.runOnce();
    const [after429] = await deliveryRows(app.ctx);
    expect(seconds(START, after429!.nextAttemptAt)).toBe(120);
    advanceTo(after429!.nextAttemptAt);
    await dispatcher.runOnce();
    const [after503] = await deliveryRows(app.ctx);
    expect(after503!.nextAttemptAt).toEqual(new Date(START.getTime() + 900_000));
    advanceTo(after503!.nextAttemptAt);
    await dispatcher.runOnce();
    expect((await deliveryRows(app.ctx))[0]).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('counts a timeout as a failed attempt and retries it later', async () => {
    receiver.script('/hang', ['hang']);
    await setWebhook('dobrodel', '/hang');
    await enqueue(app.ctx, [anAnswer()]);
    expect(await dispatcher.runOnce()).toBe(1);
    const [delivery] = await deliveryRows(app.ctx);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(delivery!.lastError).toBe('timeout after 400 ms');
    const [attempt] = await attemptsOf(delivery!.id);
    expect(attempt!.statusCode).toBeNull();
    expect(attempt!.durationMs).toBeGreaterThanOrEqual(390);
    expect(seconds(START, delivery!.nextAttemptAt)).toBeGreaterThanOrEqual(24);
  });

  it('a slow receiver does not hold up another source', async () => {
    await dispatcher.stop();
    dispatcher = startWebhookDispatcher(app.ctx, { intervalMs: 0, timeoutMs: 1000, concurrency: 4 });
    receiver.script('/hang', ['hang']);
    await setWebhook('incident', '/hang');
    await setWebhook('dobrodel', '/ok');
    await enqueue(
      app.ctx,
      [1, 2, 3, 4, 5].map(() => anAnswer({ sourceCode: 'incident' })),
    );
    await enqueue(app.ctx, [anAnswer()]);
    const began = performance.now();
    expect(await dispatcher.runOnce()).toBe(3); // two of the slow source (half the slots) and the other one
    expect(receiver.to('/ok')[0]!.at - began).toBeLessThan(800);
    expect(receiver.to('/hang')).toHaveLength(2);
    const rows = await deliveryRows(app.ctx);
    expect(rows.find((r) => r.source === 'dobrodel')!.status).toBe('delivered');
  });

  it('fails at once on 400 and keeps why', async () => {
    receiver.script('/strict', [{ status: 400, body: 'unknown externalId' }]);
    await setWebhook('dobrodel', '/strict');
    await enqueue(app.ctx, [anAnswer()]);
    await dispatcher.runOnce();
    const [delivery] = await deliveryRows(app.ctx);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatusCode: 400,
      lastError: 'HTTP 400: Bad Request',
    });
    expect(delivery!.lastError).not.toContain('unknown externalId'); // the receiver's body is not kept
    advanceTo(new Date(START.getTime() + 86_400_000));
    expect(await dispatcher.runOnce()).toBe(0);
  });

  it('gives up as failed after maxAttempts', async () => {
    receiver.script('/down', [{ status: 502 }]);
    await setWebhook('dobrodel', '/down', { maxAttempts: 3 });
    await enqueue(app.ctx, [anAnswer()]);
    for (let i = 0; i < 3; i += 1) {
      expect(await dispatcher.runOnce()).toBe(1);
      const [row] = await deliveryRows(app.ctx);
      expect(row!.status).toBe(i < 2 ? 'pending' : 'failed');
      advanceTo(new Date(row!.nextAttemptAt.getTime() + 1));
    }
    advanceTo(new Date(clock.getTime() + 86_400_000));
    expect(await dispatcher.runOnce()).toBe(0);
    expect(receiver.to('/down')).toHaveLength(3);
  });

  it('a manual retry sends a failed delivery again, numbering its attempts on', async () => {
    receiver.script('/strict', [{ status: 422 }, { status: 200 }]);
    await setWebhook('dobrodel', '/strict');
    await enqueue(app.ctx, [anAnswer()]);
    await dispatcher.runOnce();
    const [failed] = await deliveryRows(app.ctx);
    expect(failed!.status).toBe('failed');

    const later = advanceTo(new Date(START.getTime() + 3_600_000));
    const retried = await webhookApi.retry<{ status: string; nextAttemptAt: string }>(failed!.id);
    expect(retried).toEqual({
      status: 200,
      body: { id: failed!.id, status: 'pending', nextAttemptAt: later.toISOString() },
    });
    expect(await dispatcher.runOnce()).toBe(1);
    const [delivered] = await deliveryRows(app.ctx);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 1, deliveredAt: later });
    expect((await attemptsOf(failed!.id)).map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 422],
      [2, 200],
    ]);
    expect((await webhookApi.retry(failed!.id)).status).toBe(409);
    expect((await webhookApi.retry(99_999_999)).status).toBe(404);
    expect((await webhookApi.retry('x1')).status).toBe(400);
  });

  it('keeps the deliveries of a disabled webhook pending until it is enabled again', async () => {
    await setWebhook('dobrodel', '/ok');
    await enqueue(app.ctx, [anAnswer()]);
    await webhookApi.put('dobrodel', { url: receiver.url('/ok'), secret: SECRET, enabled: false });
    expect(await dispatcher.runOnce()).toBe(0);
    expect((await deliveryRows(app.ctx))[0]!.status).toBe('pending');
    await webhookApi.put('dobrodel', { url: receiver.url('/ok'), secret: SECRET, enabled: true });
    expect(await dispatcher.runOnce()).toBe(1);
    expect((await deliveryRows(app.ctx))[0]!.status).toBe('delivered');
  });

  it('left running, polls by itself and sends everything due', async () => {
    await dispatcher.stop();
    dispatcher = startWebhookDispatcher(app.ctx, { intervalMs: 20, concurrency: 2 });
    await setWebhook('dobrodel', '/ok');
    await enqueue(
      app.ctx,
      [1, 2, 3, 4, 5].map(() => anAnswer()),
    );
    for (let waited = 0; receiver.to('/ok').length < 5 && waited < 5000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await dispatcher.stop();
    expect((await deliveryRows(app.ctx)).map((r) => r.status)).toEqual(Array(5).fill('delivered'));
  });

  it('stop() aborts a request in flight without counting it as an attempt', async () => {
    receiver.script('/hang', ['hang']);
    await setWebhook('dobrodel', '/hang');
    await enqueue(app.ctx, [anAnswer()]);
    const running = dispatcher.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await dispatcher.stop();
    expect(await running).toBe(1);
    expect((await deliveryRows(app.ctx))[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('retry backoff', () => {
  it('doubles from 30 s, is capped at an hour and jitters by at most 20 %', () => {
    expect([1, 2, 3].map((n) => backoffDelayMs(n, () => 0.5))).toEqual([30_000, 60_000, 120_000]);
    expect(backoffDelayMs(1, () => 0)).toBe(24_000);
    expect(backoffDelayMs(1, () => 1)).toBe(36_000);
    expect(backoffDelayMs(20, () => 0.5)).toBe(3_600_000);
  });
});
