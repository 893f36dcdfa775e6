import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import postgres from 'postgres';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as healthz } from '@/app/healthz/route';
import { POST as postComplaints } from '@/app/api/v1/complaints/route';
import { createApp, type App } from '@/lib/app/create-app';
import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck } from '@/lib/realtime/contract';
import { aComplaint } from '../helpers/complaint-factory';
import { grantDisplay, personalToken } from '../helpers/identities';
import { routeServer } from '../helpers/route-server';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { TEST_DB } from '../helpers/test-context';

/**
 * PostgreSQL taken away from a running app (a TCP proxy in front of the test server is cut: open connections
 * reset, new ones refused) while a writer posts: every answer within 2 s, the refusals 503 with Retry-After
 * and the documented body, /healthz 503 within a second, a screen's subscribe answered at once, the first
 * success within 3 s of the database's return, and every acknowledged item stored. On PGlite there is no
 * server to lose; tests/cluster/database-outage.test.ts stops a real PostgreSQL under the production build.
 */

const OUTAGE_MS = 3_000;

let proxy: TcpProxy;
let app: App;
let port: number;
let admin: postgres.Sql;
let database: string;

interface Answer {
  at: number;
  ms: number;
  status: number;
  retryAfter: string | undefined;
  body: string;
}

function send(method: string, path: string, token: string, body?: string): Promise<Answer> {
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            at: began,
            ms: performance.now() - began,
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            body: text,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe.skipIf(TEST_DB !== 'postgres')('PostgreSQL gone for a while under a writer', () => {
  beforeAll(async () => {
    const target = new URL(process.env.TEST_DATABASE_URL!);
    admin = postgres(target.toString(), { max: 1, onnotice: () => {} });
    database = `cur_t_${randomBytes(6).toString('hex')}`;
    await admin.unsafe(`create database ${database}`);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const through = new URL(target.toString());
    through.port = String(proxy.port);
    through.pathname = `/${database}`;
    app = await createApp({
      database: { databaseUrl: through.toString(), pgliteDir: 'memory://', connectTimeoutMs: 1_000 },
      register: { buildId: 'outage' },
      hubs: { timers: { live: false, panels: false } },
      realtime: {
        listen: { port: 0, host: '127.0.0.1' },
        handle: routeServer({ '/api/v1/complaints': postComplaints, '/healthz': healthz }),
      },
    });
    await app.start();
    port = Number(new URL(app.url!).port);
  });

  afterAll(async () => {
    await proxy?.restore().catch(() => {});
    await app?.close();
    await proxy?.close();
    await admin?.unsafe(`drop database if exists ${database} with (force)`);
    await admin?.end();
  });

  it('answers 503 within 2 s while it is gone, recovers within 3 s of its return, loses nothing acknowledged', async () => {
    const token = await personalToken(app.ctx, 'operator');
    const wall: Socket<ServerToClientEvents, ClientToServerEvents> = connect(app.url!, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: await grantDisplay(app.ctx) },
    });
    await new Promise<void>((resolve) => wall.once('connect', () => resolve()));

    const answers: Answer[] = [];
    const acknowledged: string[] = [];
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const batch = Array.from({ length: 20 }, () => aComplaint());
        const answer = await send('POST', '/api/v1/complaints', token, JSON.stringify({ complaints: batch }));
        answers.push(answer);
        if (answer.status === 200) acknowledged.push(...batch.map((c) => c.externalId));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await vi.waitFor(() => expect(acknowledged.length).toBeGreaterThan(100), { timeout: 10_000 });

    const cutAt = performance.now();
    await proxy.cut();
    await vi.waitFor(() => expect(app.ctx.health.up).toBe(false), { timeout: 2_000, interval: 10 });
    const downSeenMs = performance.now() - cutAt;
    // A screen (re)subscribing while the database is gone: an error, at once.
    const subscribeBegan = performance.now();
    const ack = await new Promise<SubscribeAck>((resolve) =>
      wall
        .timeout(5_000)
        .emit('wall:subscribe', { scope: {} }, (err, result) =>
          resolve(err ? { ok: false, error: 'no ack' } : result),
        ),
    );
    const subscribeMs = performance.now() - subscribeBegan;
    const health = await send('GET', '/healthz', token);
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (performance.now() - cutAt))));

    const backAt = performance.now();
    await proxy.restore();
    await vi.waitFor(() => expect(answers.some((a) => a.at > backAt && a.status === 200)).toBe(true), {
      timeout: 5_000,
      interval: 20,
    });
    const firstSuccess = answers.find((a) => a.at > backAt && a.status === 200)!;
    const recoveryMs = firstSuccess.at + firstSuccess.ms - backAt;
    writing = false;
    await writer;
    wall.close();

    const during = answers.filter((a) => a.at >= cutAt && a.at < backAt);
    const refused = answers.filter((a) => a.status === 503);
    const worst = Math.max(...answers.map((a) => a.ms));
    console.log(
      `outage: down seen in ${downSeenMs.toFixed(0)} ms; ${during.length} requests while gone, worst answer ` +
        `${worst.toFixed(0)} ms; /healthz ${health.status} in ${health.ms.toFixed(0)} ms; subscribe ` +
        `${JSON.stringify(ack)} in ${subscribeMs.toFixed(0)} ms; first success ${recoveryMs.toFixed(0)} ms after the return`,
    );
    expect(during.length).toBeGreaterThan(5);
    expect(worst).toBeLessThan(2_000);
    for (const a of refused) {
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      expect((JSON.parse(a.body) as { error: { code: string } }).error.code).toMatch(
        /^database_unavailable$/,
      );
    }
    expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
    expect(health.status).toBe(503);
    expect(health.ms).toBeLessThan(1_000);
    expect(ack.ok).toBe(false);
    expect(subscribeMs).toBeLessThan(1_000);
    expect(downSeenMs).toBeLessThan(2_000);
    expect(recoveryMs).toBeLessThan(3_000);

    const stored = new URL(process.env.TEST_DATABASE_URL!);
    stored.pathname = `/${database}`;
    const direct = postgres(stored.toString(), { max: 1, onnotice: () => {} });
    const [row] = await direct
      .unsafe<{ n: number }[]>('select count(*)::int as n from complaints where external_id = any($1)', [
        acknowledged,
      ])
      .finally(() => direct.end());
    expect(row!.n).toBe(acknowledged.length);
  }, 60_000);
});
