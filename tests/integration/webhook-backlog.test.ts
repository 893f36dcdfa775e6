import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWebhookDispatcher } from '@/lib/webhooks/dispatcher';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';
import { anAnswer, deliveryRows, enqueue, SECRET, webhookApi } from '../helpers/webhook-fixtures';
import { WebhookReceiver } from '../helpers/webhook-receiver';

let app: TestApp;
let receiver: WebhookReceiver;

beforeAll(async () => {
  app = await createRegisteredTestApp();
  receiver = new WebhookReceiver();
  await receiver.start();
  process.env.EGRESS_ALLOW_HOSTS = receiver.host;
});
afterAll(async () => {
  delete process.env.EGRESS_ALLOW_HOSTS;
  await receiver.close();
  await app.close();
});

// One source with a backlog (a busy hour of answers, or what a new leader finds after a failover) drains as fast
// as its receiver answers, its share of the slots always busy, not a per-source handful per poll interval.
it("drains one source's backlog as fast as the receiver answers, not a few per poll", async () => {
  const res = await webhookApi.put('dobrodel', { url: receiver.url('/ok'), secret: SECRET });
  expect(res.status).toBe(201);
  await enqueue(
    app.ctx,
    Array.from({ length: 60 }, () => anAnswer()),
  );
  // The production poll period; 4 slots for the one source (half of 8).
  const dispatcher = startWebhookDispatcher(app.ctx, { intervalMs: 1000 });
  const began = performance.now();
  const delivered = async () => (await deliveryRows(app.ctx)).filter((r) => r.status === 'delivered');
  try {
    // Until every attempt is recorded, not only received: stopping aborts an answer not yet recorded.
    while ((await delivered()).length < 60 && performance.now() - began < 20_000)
      await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    await dispatcher.stop();
  }
  const seconds = (performance.now() - began) / 1000;
  expect(await delivered()).toHaveLength(60);
  expect(receiver.to('/ok')).toHaveLength(60);
  // 4 a poll take at least 14 s (15 polls a second apart); a loopback receiver answers in milliseconds, and even
  // on two busy cores the whole backlog goes in a few seconds.
  expect(seconds).toBeLessThan(10);
});
