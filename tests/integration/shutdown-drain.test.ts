import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import postgres from 'postgres';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as healthz } from '@/app/healthz/route';
import { POST as postComplaints } from '@/app/api/v1/complaints/route';
import type { DbOptions } from '@/db/client';
import { complaints } from '@/db/schema';
import { createApp, type App } from '@/lib/app/create-app';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/contract';
import { aComplaint } from '../helpers/complaint-factory';
import { grantDisplay, personalToken } from '../helpers/identities';
import { routeServer } from '../helpers/route-server';
import { TEST_DB } from '../helpers/test-context';

/**
 * SIGTERM's drain (app.close with a grace) under a client hammering writes on one keep-alive connection: new
 * requests are refused with 503 shutting_down, what was in flight finishes, the connections close, the screens'
 * realtime stays until the end, close() is done well within the grace, and every acknowledged item is in the
 * database when it is opened again.
 */

/** A database that outlives the app: a PGlite folder, or a database of its own on the test server. */
async function durableDatabase(): Promise<{ database: DbOptions; drop: () => Promise<void> }> {
  if (TEST_DB === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'cur-drain-'));
    return {
      database: { pgliteDir: path.join(dir, 'db') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const name = `cur_t_${randomBytes(6).toString('hex')}`;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  await admin.unsafe(`create database ${name}`);
  return {
    database: { databaseUrl: url.toString(), pgliteDir: 'memory://' },
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

let store: Awaited<ReturnType<typeof durableDatabase>>;
beforeAll(async () => {
  store = await durableDatabase();
});
afterAll(() => store?.drop());

interface Answer {
  status: number;
  body: string;
  connection: string | undefined;
}

function post(port: number, agent: Agent, token: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/complaints',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('SIGTERM with a busy keep-alive connection', () => {
  it('refuses new writes, finishes those in flight, closes the connection and stops in time; nothing acknowledged lost', async () => {
    vi.stubEnv('RATE_LIMIT_USER_WRITES_PER_MINUTE', '0');
    let port = 0;
    const routes = routeServer({ '/api/v1/complaints': postComplaints, '/healthz': healthz });
    const drain = {
      armed: false,
      closing: null as Promise<void> | null,
      began: 0,
      healthz: null as Promise<number> | null,
    };
    const app: App = await createApp({
      database: store.database,
      register: { buildId: 'drain' },
      hubs: { timers: { live: false, panels: false } },
      realtime: {
        listen: { port: 0, host: '127.0.0.1' },
        // SIGTERM arrives while this request is in flight, and it is held a while: the other connection's next
        // request comes during the drain.
        handle: (req, res) => {
          if (!drain.armed) return routes(req, res);
          drain.armed = false;
          drain.began = performance.now();
          drain.closing = app.close({ graceMs: 3_000 });
          // The balancer's check during the drain.
          drain.healthz = new Promise((resolve, reject) =>
            httpRequest({ host: '127.0.0.1', port, path: '/healthz' }, (answer) => {
              answer.resume();
              resolve(answer.statusCode ?? 0);
            })
              .on('error', reject)
              .end(),
          );
          setTimeout(() => routes(req, res), 300);
        },
      },
    });
    await app.start();
    port = Number(new URL(app.url!).port);
    const token = await personalToken(app.ctx, 'operator');
    const wall: Socket<ServerToClientEvents, ClientToServerEvents> = connect(app.url!, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: await grantDisplay(app.ctx) },
    });
    await new Promise<void>((resolve) => wall.once('connect', () => resolve()));
    let wallDisconnectedAt = 0;
    wall.once('disconnect', () => (wallDisconnectedAt = performance.now()));

    // The hammer: two keep-alive connections, a batch after each answer, until the server refuses or goes.
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    const acknowledged: string[] = [];
    const answers: Answer[] = [];
    let stop = false;
    let connectionErrors = 0;
    const hammer = async () => {
      while (!stop) {
        const batch = Array.from({ length: 50 }, () => aComplaint());
        try {
          const answer = await post(port, agent, token, JSON.stringify({ complaints: batch }));
          answers.push(answer);
          if (answer.status === 200) acknowledged.push(...batch.map((c) => c.externalId));
        } catch {
          connectionErrors += 1;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const hammers = [hammer(), hammer()];
    await vi.waitFor(() => expect(acknowledged.length).toBeGreaterThanOrEqual(200), { timeout: 10_000 });

    drain.armed = true;
    await vi.waitFor(() => expect(drain.closing).not.toBeNull(), { timeout: 5_000 });
    await drain.closing;
    const closedIn = performance.now() - drain.began;
    stop = true;
    await Promise.all(hammers);
    agent.destroy();
    wall.close();

    console.log(
      `drain: closed in ${closedIn.toFixed(0)} ms; ${acknowledged.length} acknowledged, ` +
        `${answers.filter((a) => a.status === 503).length} refused, ${connectionErrors} connection errors`,
    );
    expect(closedIn).toBeLessThan(3_000 + 1_500);
    // The first request after the drain began was refused, told so, and its connection closed.
    const refused = answers.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused[0]!.body)).toEqual({
      error: { status: 503, code: 'shutting_down', message: expect.any(String), errors: [] },
    });
    expect(refused[0]!.connection).toBe('close');
    expect(await drain.healthz).toBe(503);
    // Nothing answered but 200, 503 shutting_down or a refused connection.
    expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
    // The screen stayed connected until the HTTP side was done.
    expect(wallDisconnectedAt).toBeGreaterThan(0);

    // Every acknowledged item is stored.
    const reopened = await createApp({ database: store.database, hubs: false });
    try {
      let stored = 0;
      for (let i = 0; i < acknowledged.length; i += 5_000) {
        const rows = await reopened.ctx.db
          .select({ id: complaints.id })
          .from(complaints)
          .where(inArray(complaints.externalId, acknowledged.slice(i, i + 5_000)));
        stored += rows.length;
      }
      expect(stored).toBe(acknowledged.length);
    } finally {
      await reopened.close();
      vi.unstubAllEnvs();
    }
  }, 120_000);
});
