import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EgressRefusedError } from '@/lib/egress/check-egress';
import { egressFetch } from '@/lib/egress/egress-fetch';
import { startWebhookDispatcher, type WebhookDispatcher } from '@/lib/webhooks/dispatcher';
import { putWebhook } from '@/lib/webhooks/put-webhook';
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
import { WebhookReceiver } from '../helpers/webhook-receiver';

let app: TestApp;
let receiver: WebhookReceiver;
let other: WebhookReceiver;
let dispatcher: WebhookDispatcher;
const allow = (...hosts: string[]) => (process.env.EGRESS_ALLOW_HOSTS = hosts.join(','));

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => new Date('2026-11-20T10:00:00Z') });
  receiver = new WebhookReceiver();
  other = new WebhookReceiver();
  await Promise.all([receiver.start(), other.start()]);
});
afterAll(async () => {
  delete process.env.EGRESS_ALLOW_HOSTS;
  await Promise.all([receiver.close(), other.close()]);
  await app.close();
});
beforeEach(async () => {
  receiver.reset();
  other.reset();
  allow(receiver.host, other.host);
  await clearWebhooks(app.ctx);
  dispatcher = startWebhookDispatcher(app.ctx, { intervalMs: 0, timeoutMs: 2000 });
});
afterEach(() => dispatcher.stop());

describe('webhooks through the egress guard', () => {
  it('refuses a loopback URL at PUT with 400 naming url, in any notation', async () => {
    delete process.env.EGRESS_ALLOW_HOSTS;
    for (const url of [
      receiver.url('/ok'),
      'http://2130706433/x',
      'http://169.254.169.254/',
      'http://localhost/',
    ]) {
      const res = await webhookApi.put<ErrorReply>('dobrodel', { url, secret: SECRET });
      expect(res.status, url).toBe(400);
      expect(res.body.error.errors).toEqual([
        { field: 'url', message: expect.stringMatching(/^is refused: .*(loopback|metadata|this server)/) },
      ]);
    }
  });

  it('refuses at PUT a host name that resolves inside', async () => {
    const lookup = async () => [{ address: '10.20.30.40', family: 4 }];
    const error = await putWebhook(
      app.ctx,
      'dobrodel',
      { url: 'https://hooks.partner.example/cur', secret: SECRET },
      { lookup, allow: [] },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EgressRefusedError);
    expect((error as EgressRefusedError).reason).toBe(
      'hooks.partner.example resolves to 10.20.30.40, a private address (10.0.0.0/8)',
    );
    expect((await webhookApi.get('dobrodel')).status).toBe(404);
  });

  it('refuses at send time when the allow entry is gone: recorded as refused, failed at once, nothing sent', async () => {
    expect((await webhookApi.put('dobrodel', { url: receiver.url('/ok'), secret: SECRET })).status).toBe(201);
    await enqueue(app.ctx, [anAnswer()]);
    delete process.env.EGRESS_ALLOW_HOSTS;
    expect(await dispatcher.runOnce()).toBe(1);
    const [row] = await deliveryRows(app.ctx);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null });
    expect(row!.lastError).toMatch(/^refused: 127\.0\.0\.1 is a loopback address/);
    expect(receiver.requests).toHaveLength(0);
    expect(await dispatcher.runOnce()).toBe(0); // a permanent failure: no retry
  });

  it('does not follow a redirect to another host', async () => {
    receiver.script('/moved', [{ status: 307, headers: { location: other.url('/elsewhere') } }]);
    await webhookApi.put('dobrodel', { url: receiver.url('/moved'), secret: SECRET });
    await enqueue(app.ctx, [anAnswer()]);
    await dispatcher.runOnce();
    expect(other.requests).toHaveLength(0);
    const [row] = await deliveryRows(app.ctx);
    expect(row).toMatchObject({ status: 'failed', lastStatusCode: 307 });
    expect(row!.lastError).toBe('HTTP 307: Temporary Redirect (redirect not followed)');
  });

  it("keeps the receiver's body out of the delivery log", async () => {
    const secretBody = 'db password=hunter2 token=AKIA0123456789SECRET';
    receiver.script('/leaky', [
      { status: 500, body: secretBody },
      { status: 403, body: secretBody },
    ]);
    await webhookApi.put('dobrodel', { url: receiver.url('/leaky'), secret: SECRET });
    await enqueue(app.ctx, [anAnswer()]);
    await dispatcher.runOnce();
    const [row] = await deliveryRows(app.ctx);
    const log = await webhookApi.deliveries('dobrodel');
    const text = JSON.stringify(log.body);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('AKIA');
    expect(text).toContain('HTTP 500: Internal Server Error');
    expect(row!.lastError).toBe('HTTP 500: Internal Server Error');
  });
});

describe('egressFetch', () => {
  it('follows a redirect within the same host, checking each hop', async () => {
    receiver.script('/old', [{ status: 301, headers: { location: '/new' } }]);
    receiver.script('/new', [{ status: 200, body: 'fresh' }]);
    const response = await egressFetch(receiver.url('/old'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('fresh');
  });

  it('refuses a redirect to another host, even an allowed one', async () => {
    receiver.script('/away', [{ status: 302, headers: { location: other.url('/x') } }]);
    await expect(egressFetch(receiver.url('/away'))).rejects.toThrow(/redirect to another host/);
    receiver.script('/meta', [{ status: 302, headers: { location: 'http://169.254.169.254/latest/' } }]);
    await expect(egressFetch(receiver.url('/meta'))).rejects.toBeInstanceOf(EgressRefusedError);
    expect(other.requests).toHaveLength(0);
  });

  it('connects to the address it checked, never asking DNS again', async () => {
    const port = receiver.host.split(':')[1];
    let lookups = 0;
    const lookup = async () => ((lookups += 1), [{ address: '127.0.0.1', family: 4 }]);
    const allowed = [{ hostname: 'rebind.test', port: Number(port) }];
    const response = await egressFetch(`http://rebind.test:${port}/pinned`, {}, { lookup, allow: allowed });
    expect(response.status).toBe(200);
    expect(lookups).toBe(1);
    expect(receiver.to('/pinned')[0]!.headers.host).toBe(`rebind.test:${port}`);
  });
});
