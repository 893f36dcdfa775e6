import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as healthz } from '@/app/healthz/route';
import { GET as getSummary } from '@/app/api/v1/summary/route';
import { POST as postComplaints } from '@/app/api/v1/complaints/route';
import type { App } from '@/lib/app/create-app';
import { DatabaseHealth } from '@/lib/health/database-health';
import { route } from '@/lib/http/handle-route';
import { intakeRefusals } from '@/lib/metrics/registry';
import { aComplaint } from '../helpers/complaint-factory';
import { authedRequest } from '../helpers/identities';
import { routeServer } from '../helpers/route-server';
import { createWholeTestApp } from '../helpers/test-context';
import { io as connect } from 'socket.io-client';
import type { SubscribeAck } from '@/lib/realtime/contract';
import { grantDisplay } from '../helpers/identities';

/**
 * What a request gets while the database is unavailable, on the app's real HTTP server and route handlers:
 * 503 `database_unavailable` with Retry-After and the documented body at once (route() does not try while the
 * health says down), a failure that shows an outage answered the same instead of 500, /healthz 503 within a
 * second, and a page request a short 503 page instead of a hang. The health itself is a controllable one
 * here; tests/integration/database-outage.test.ts takes a real PostgreSQL away.
 */

let app: App;
let port: number;
/** What the controllable probe answers. */
const probe = { up: true, hang: false };

const driverError = (code: string) => Object.assign(new Error(`driver ${code}`), { code });

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  ms: number;
}

function send(method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: performance.now() - began }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  app = await createWholeTestApp({
    register: { buildId: 'database-faults' },
    hubs: { timers: { live: false, panels: false } },
    realtime: {
      listen: { port: 0, host: '127.0.0.1' },
      handle: routeServer({ '/healthz': healthz, '/api/v1/summary': getSummary }),
    },
  });
  await app.start();
  port = Number(new URL(app.url!).port);
  // The app's own health probes the real database; this one answers as the test says.
  app.ctx.health.stop();
  app.ctx.health = new DatabaseHealth({
    ping: (deadlineMs) =>
      new Promise<void>((resolve, reject) => {
        if (probe.hang) setTimeout(() => reject(driverError('PING_TIMEOUT')), deadlineMs);
        else if (probe.up) resolve();
        else reject(driverError('ECONNREFUSED'));
      }),
    downProbeMs: 20,
  });
});

afterAll(async () => {
  app.ctx.health.stop();
  await app?.close();
});

async function goDown(): Promise<void> {
  probe.up = false;
  await app.ctx.health.check();
  expect(app.ctx.health.up).toBe(false);
}

async function comeBack(): Promise<void> {
  probe.up = true;
  probe.hang = false;
  await vi.waitFor(() => expect(app.ctx.health.up).toBe(true), { timeout: 1_000 });
}

const unavailableBody = {
  error: {
    status: 503,
    code: 'database_unavailable',
    message: expect.stringContaining('the database is unavailable since'),
    errors: [],
  },
};

describe('while the database is down', () => {
  it('every API route answers 503 database_unavailable with Retry-After at once, without running the handler', async () => {
    await goDown();
    const handler = vi.fn(async () => Response.json({ ran: true }));
    const wrapped = route({ action: 'complaint:list' }, handler);
    const began = performance.now();
    const response = await wrapped(await authedRequest('http://test.local/api/v1/anything'));
    expect(performance.now() - began).toBeLessThan(100);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toEqual(unavailableBody);
    expect(handler).not.toHaveBeenCalled();

    // Intake too, its body refused unread, and over HTTP.
    const intake = await postComplaints(
      await authedRequest('http://test.local/api/v1/complaints', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ complaints: [aComplaint()] }),
      }),
    );
    expect(intake.status).toBe(503);
    expect(intake.headers.get('retry-after')).toBe('2');
    const refusals = await intakeRefusals.get();
    expect(refusals.values.find((v) => v.labels.reason === 'database_down')?.value).toBeGreaterThanOrEqual(1);
    const summary = await send('GET', '/api/v1/summary');
    expect(summary.status).toBe(503);
    expect(summary.headers['retry-after']).toBe('2');
    expect(JSON.parse(summary.body)).toEqual(unavailableBody);
    expect(summary.ms).toBeLessThan(2_000);
    await comeBack();
  });

  it('/healthz answers 503 at once, and 200 again once the probe reaches the database', async () => {
    await goDown();
    const down = await send('GET', '/healthz');
    expect(down.status).toBe(503);
    expect(down.ms).toBeLessThan(1_000);
    await comeBack();
    const up = await send('GET', '/healthz');
    expect(up.status).toBe(200);
    expect(JSON.parse(up.body)).toEqual({ status: 'ok' });
  });

  it('a screen’s subscribe is answered at once while the database is down, and served once it is back', async () => {
    const socket = connect(app.url!, {
      auth: { token: await grantDisplay(app.ctx) },
      transports: ['websocket'],
      reconnection: false,
    });
    try {
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      await goDown();
      const began = performance.now();
      const refused = await new Promise<SubscribeAck>((resolve) =>
        socket.emit('wall:subscribe', { scope: {} }, resolve),
      );
      expect(refused).toEqual({ ok: false, error: 'database unavailable, retry' });
      expect(performance.now() - began).toBeLessThan(500);
      await comeBack();
      const served = await new Promise<SubscribeAck>((resolve) =>
        socket.emit('wall:subscribe', { scope: {} }, resolve),
      );
      expect(served).toMatchObject({ ok: true });
    } finally {
      socket.close();
    }
  });

  it('/healthz answers 503 within a second when the database stops answering without refusing', async () => {
    probe.hang = true;
    const answer = await send('GET', '/healthz');
    expect(answer.status).toBe(503);
    expect(answer.ms).toBeLessThan(1_000);
    expect(app.ctx.health.up).toBe(false);
    await comeBack();
  });

  it('a page gets a short 503 page that reloads itself; assets and the API are not taken for pages', async () => {
    await goDown();
    const page = await send('GET', '/wall/housing', { accept: 'text/html' });
    expect(page.status).toBe(503);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['retry-after']).toBe('5');
    expect(page.body).toContain('Нет связи с базой данных');
    expect(page.body).toContain('http-equiv="refresh"');
    expect(page.ms).toBeLessThan(1_000);
    // Not pages: these reach their handler (here: 404 from the test router, or the route's own JSON 503).
    expect((await send('GET', '/_next/static/chunk.js')).status).toBe(404);
    expect((await send('GET', '/icon.svg')).status).toBe(404);
    expect((await send('GET', '/api/v1/summary')).headers['content-type']).toContain('application/json');
    await comeBack();
    expect((await send('GET', '/wall/housing')).status).toBe(404);
  });
});

describe('a failure that shows the database down, met by a handler', () => {
  it('answers 503 database_unavailable (not 500) and makes the health look: down if the probe fails too', async () => {
    probe.up = false;
    const wrapped = route({ action: 'complaint:list' }, async () => {
      throw Object.assign(new Error('Failed query'), { cause: driverError('57P01') });
    });
    const response = await wrapped(await authedRequest('http://test.local/api/v1/x'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect((await response.json()) as unknown).toMatchObject({ error: { code: 'database_unavailable' } });
    await vi.waitFor(() => expect(app.ctx.health.up).toBe(false), { timeout: 1_000 });
    await comeBack();
  });

  it('a broken connection while the probe still gets through answers 503 but leaves the database up', async () => {
    const wrapped = route({ action: 'complaint:list' }, async () => {
      throw driverError('CONNECTION_CLOSED');
    });
    expect((await wrapped(await authedRequest('http://test.local/api/v1/x'))).status).toBe(503);
    await new Promise((r) => setTimeout(r, 50));
    expect(app.ctx.health.up).toBe(true);
  });

  it('a statement cancelled by statement_timeout answers 503 database_timeout; any other failure stays 500', async () => {
    const timedOut = route({ action: 'complaint:list' }, async () => {
      throw Object.assign(new Error('Failed query'), { cause: driverError('57014') });
    });
    const response = await timedOut(await authedRequest('http://test.local/api/v1/x'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect((await response.json()) as unknown).toMatchObject({ error: { code: 'database_timeout' } });
    expect(app.ctx.health.up).toBe(true);

    const broken = route({ action: 'complaint:list' }, async () => {
      throw driverError('23505');
    });
    const internal = await broken(await authedRequest('http://test.local/api/v1/x'));
    expect(internal.status).toBe(500);
    expect(internal.headers.get('retry-after')).toBeNull();
  });
});
