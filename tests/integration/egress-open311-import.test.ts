import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postImport } from '@/app/api/v1/imports/open311/route';
import { importOpen311 } from '@/lib/open311/import-requests';
import { authedRequest } from '../helpers/identities';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';
import { WebhookReceiver } from '../helpers/webhook-receiver';

const PERIOD = { since: '2026-11-01T00:00:00+03:00', until: '2026-11-21T12:00:00+03:00' };
let app: TestApp;
/** Plays an Open311 server: each path answers from its script. */
let feed: WebhookReceiver;

const post = async (body: unknown) => {
  const response = await postImport(
    await authedRequest('http://test.local/api/v1/imports/open311', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => new Date('2026-11-21T12:00:00+03:00') });
  feed = new WebhookReceiver();
  await feed.start();
  process.env.EGRESS_ALLOW_HOSTS = feed.host;
});
afterAll(async () => {
  delete process.env.EGRESS_ALLOW_HOSTS;
  delete process.env.OPEN311_IMPORT_HOSTS;
  await feed.close();
  await app.close();
});

describe('the Open311 import through the egress guard', () => {
  it('refuses localhost at the API even when OPEN311_IMPORT_HOSTS lists it', async () => {
    process.env.OPEN311_IMPORT_HOSTS = 'localhost, 127.0.0.1';
    const port = feed.host.split(':')[1];
    const res = await post({ baseUrl: `http://localhost:${port}/v2` });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      error: {
        errors: [{ field: 'baseUrl', message: expect.stringContaining('localhost names this server') }],
      },
    });
    const loopback = await post({ baseUrl: `http://127.0.0.1:${Number(port) + 1}/v2` });
    expect(loopback.status).toBe(403);
    expect(feed.requests).toHaveLength(0);
  });

  it('refuses an internal host before the first request, naming baseUrl', async () => {
    const report = await importOpen311(app.ctx, { baseUrl: 'http://0177.0.0.1:81/v2', ...PERIOD });
    expect(report.error).toMatch(/^baseUrl: refused: 127\.0\.0\.1 is a loopback address/);
    expect(report.requests).toBe(0);
  });

  it('does not follow a redirect to a private address', async () => {
    feed.script('/moved/requests.json', [
      { status: 302, headers: { location: 'http://10.0.0.7/open311/v2/requests.json' } },
    ]);
    const report = await importOpen311(app.ctx, { baseUrl: feed.url('/moved'), ...PERIOD });
    expect(report.error).toBe('refused: a redirect to another host (10.0.0.7) is not followed');
    expect(report.fetched).toBe(0);
  });

  it('says what failed without the body: the status, its phrase and the content type', async () => {
    feed.script('/down/requests.json', [
      { status: 500, headers: { 'content-type': 'text/html' }, body: '<p>root password: hunter2</p>' },
    ]);
    const report = await importOpen311(app.ctx, { baseUrl: feed.url('/down'), ...PERIOD });
    expect(report.error).toMatch(/^HTTP 500 from .*: Internal Server Error \(text\/html\)$/);
    expect(report.error).not.toContain('hunter2');

    feed.script('/garbled/requests.json', [
      { status: 200, headers: { 'content-type': 'application/json' }, body: '{"token": sk_live_123}' },
    ]);
    const garbled = await importOpen311(app.ctx, { baseUrl: feed.url('/garbled'), ...PERIOD });
    expect(garbled.error).toBe(
      'the body is not valid JSON: an unexpected character (22 bytes, application/json)',
    );
  });
});
