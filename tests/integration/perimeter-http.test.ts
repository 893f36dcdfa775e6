import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as healthz } from '@/app/healthz/route';
import type { App } from '@/lib/app/create-app';
import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck } from '@/lib/realtime/contract';
import { grantDisplay } from '../helpers/identities';
import { createWholeTestApp } from '../helpers/test-context';

/**
 * The perimeter through the real HTTP server createApp listens on. Next does not run here: the handler behind
 * the perimeter answers /healthz with the real route and anything else with a stub, which is enough, since the
 * perimeter decides before either is called.
 */

const TIMEOUTS = { headersMs: 400, requestMs: 800, keepAliveMs: 200 };
const WRITES_PER_MINUTE = 3;

let app: App;
let port: number;
let token: string;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(method === 'GET' ? undefined : '{}');
  });
}

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

function open(options: Parameters<typeof connect>[1]): Promise<{ socket: Client; error?: Error }> {
  const socket: Client = connect(app.url!, { reconnection: false, auth: { token }, ...options });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (error) => resolve({ socket, error }));
  });
}

const subscribe = (socket: Client, scope: { block?: string; municipality?: string }) =>
  new Promise<SubscribeAck>((resolve) => socket.emit('wall:subscribe', { scope }, resolve));

beforeAll(async () => {
  app = await createWholeTestApp({
    register: { buildId: 'perimeter' },
    realtime: {
      listen: { port: 0, host: '127.0.0.1' },
      timeouts: TIMEOUTS,
      perimeter: { writesPerMinute: WRITES_PER_MINUTE, exemptLoopback: false },
      handle: (req, res) => {
        if (req.url === '/healthz') {
          const headers = new Headers();
          for (const [name, value] of Object.entries(req.headers))
            if (typeof value === 'string') headers.set(name, value);
          void healthz(new Request(`http://${req.headers.host}/healthz`, { headers })).then(
            async (answer) => {
              res.writeHead(answer.status, { 'content-type': 'application/json' });
              res.end(await answer.text());
            },
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"stub":true}');
      },
    },
  });
  await app.start();
  port = Number(new URL(app.url!).port);
  token = await grantDisplay(app.ctx);
});

afterAll(async () => {
  await app?.close();
});

describe('the perimeter in front of the HTTP server', () => {
  it('answers a foreign Host with 421 and the error body, on pages, API and Socket.IO alike', async () => {
    for (const path of ['/healthz', '/api/v1/summary', '/socket.io/?EIO=4&transport=polling']) {
      const answer = await send('GET', path, { host: `rebind.attacker.example:${port}` });
      expect(answer.status).toBe(421);
      expect(JSON.parse(answer.body)).toEqual({
        error: {
          status: 421,
          code: 'host_not_allowed',
          message: expect.stringContaining('rebind.attacker.example'),
          errors: [{ field: 'host', message: expect.any(String) }],
        },
      });
      expect(answer.headers['x-frame-options']).toBe('DENY');
    }
    expect((await send('GET', '/healthz', { host: `localhost:${port + 1}` })).status).toBe(421);
  });

  it('serves an allowed Host, with the security headers on every answer', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const answer = await send('GET', '/healthz', { host });
      expect(answer.status).toBe(200);
      // Anonymous: the status alone, no build id or uptime to fingerprint the deployment.
      expect(JSON.parse(answer.body)).toEqual({ status: 'ok' });
    }
    for (const path of ['/healthz', '/api/v1/reference', '/socket.io/?EIO=4&transport=polling']) {
      const { status, headers } = await send('GET', path, { host: `127.0.0.1:${port}` });
      expect(status).toBe(200);
      expect(headers['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(headers['content-security-policy']).not.toContain('unsafe-eval');
      expect(headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
        'cross-origin-opener-policy': 'same-origin',
        'permissions-policy': expect.stringContaining('camera=()'),
      });
    }
    const screen = await send('GET', '/wall/s/r1c1', { host: `127.0.0.1:${port}` });
    expect(screen.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('limits writes per address with 429 and Retry-After; reads are never limited', async () => {
    const host = `127.0.0.1:${port}`;
    for (let i = 0; i < WRITES_PER_MINUTE; i += 1) {
      expect((await send('POST', '/api/v1/complaints', { host })).status).toBe(200);
    }
    const refused = await send('POST', '/open311/v2/requests.json', { host });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { status: 429, code: 'rate_limited' } });
    expect((await send('GET', '/api/v1/summary', { host })).status).toBe(200);
  });

  it('closes a half-open request after the headers timeout', async () => {
    const started = Date.now();
    const closed = await new Promise<{ ms: number; data: string }>((resolve) => {
      const socket = tcpConnect(port, '127.0.0.1', () => {
        socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve({ ms: Date.now() - started, data }));
    });
    expect(closed.data).toMatch(/^HTTP\/1\.1 408/);
    expect(closed.ms).toBeGreaterThanOrEqual(TIMEOUTS.headersMs - 50);
    expect(closed.ms).toBeLessThan(TIMEOUTS.headersMs + 1_500);
  });
});

describe('the perimeter in front of Socket.IO', () => {
  it('refuses a foreign Origin and accepts our own, or none', async () => {
    const foreign = await open({
      transports: ['websocket'],
      extraHeaders: { origin: `http://rebind.attacker.example:${port}` },
    });
    expect(foreign.error).toBeDefined();
    foreign.socket.close();
    const foreignPolling = await open({
      transports: ['polling'],
      extraHeaders: { origin: 'http://evil.example' },
    });
    expect(foreignPolling.error).toBeDefined();
    foreignPolling.socket.close();

    const own = await open({
      transports: ['websocket'],
      extraHeaders: { origin: `http://127.0.0.1:${port}` },
    });
    expect(own.error).toBeUndefined();
    own.socket.close();
    const none = await open({ transports: ['websocket'] });
    expect(none.error).toBeUndefined();
    none.socket.close();
  });

  it('keeps a WebSocket and a long poll open past the request timeout', async () => {
    const [ws, polling] = await Promise.all([
      open({ transports: ['websocket'] }),
      open({ transports: ['polling'] }),
    ]);
    expect(ws.error ?? polling.error).toBeUndefined();
    let dropped = 0;
    for (const { socket } of [ws, polling]) socket.on('disconnect', () => (dropped += 1));
    await new Promise((resolve) => setTimeout(resolve, TIMEOUTS.requestMs * 2.5));
    expect(dropped).toBe(0);
    expect(await subscribe(ws.socket, {})).toMatchObject({ ok: true });
    expect(await subscribe(polling.socket, {})).toMatchObject({ ok: true });
    ws.socket.close();
    polling.socket.close();
  });

  it('refuses the 17th live scope of one connection until one is given up', async () => {
    const { socket } = await open({ transports: ['websocket'] });
    const oktmos = [...app.ctx.reference.municipalities.keys()].slice(0, 17);
    for (const municipality of oktmos.slice(0, 16)) {
      expect(await subscribe(socket, { municipality })).toMatchObject({ ok: true });
    }
    const seventeenth = await subscribe(socket, { municipality: oktmos[16] });
    expect(seventeenth).toEqual({ ok: false, error: expect.stringMatching(/at most 16/) });
    // The same scope again is not a new one.
    expect(await subscribe(socket, { municipality: oktmos[0] })).toMatchObject({ ok: true });
    const first = await subscribe(socket, { municipality: oktmos[1] });
    socket.emit('wall:unsubscribe', (first as { scopeKey: string }).scopeKey);
    expect(await subscribe(socket, { municipality: oktmos[16] })).toMatchObject({ ok: true });
    socket.close();
  });
});
