/**
 * What the fault tests (database outage, SIGTERM) need besides B's support: an intake writer that records every
 * answer (its status, time, Retry-After and error code) rather than only the acknowledged items, a /healthz
 * poller, and a screen that records the `server:status` it is told. Each request goes on its own keep-alive
 * agent, so the keep-alive behaviour of a draining node is what the tests see.
 */
import { Agent, request } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerStatus,
  ServerToClientEvents,
} from '../../../lib/realtime/contract';

export interface Answer {
  /** performance.now() when the request was sent. */
  at: number;
  ms: number;
  /** 0: no answer (refused, reset). */
  status: number;
  retryAfter: string | null;
  /** The error code of a JSON error body, or the transport error. */
  code: string | null;
  connection: string | null;
}

export function send(
  url: string,
  options: { method?: string; path: string; token?: string; body?: string; agent?: Agent },
): Promise<{ answer: Answer; text: string }> {
  const at = performance.now();
  const target = new URL(options.path, url);
  return new Promise((resolve) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'GET',
        agent: options.agent,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(options.body) }
            : {}),
        },
        timeout: 20_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let code: string | null = null;
          try {
            code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
          } catch {
            // not JSON (a page)
          }
          resolve({
            answer: {
              at,
              ms: performance.now() - at,
              status: res.statusCode ?? 0,
              retryAfter: (res.headers['retry-after'] as string | undefined) ?? null,
              code,
              connection: (res.headers.connection as string | undefined) ?? null,
            },
            text,
          });
        });
        res.on('error', () => {});
      },
    );
    const failed = (error: Error & { code?: string }) =>
      resolve({
        answer: {
          at,
          ms: performance.now() - at,
          status: 0,
          retryAfter: null,
          code: error.code ?? error.message,
          connection: null,
        },
        text: '',
      });
    req.on('error', failed);
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.end(options.body);
  });
}

export interface FaultWriter {
  answers: Answer[];
  /** externalId → id, for every item of a batch answered 200. */
  acked: Map<string, number>;
  stop(): Promise<void>;
}

/**
 * Lanes posting `batchSize`-item batches, each on its own keep-alive connection; a batch not taken (503, no
 * answer) is sent again with the same ids after Retry-After (at most `maxWaitMs`), so nothing is skipped.
 */
export function startFaultWriter(options: {
  url: string;
  token: string;
  source: string;
  prefix: string;
  lanes: number;
  batchSize: number;
  pauseMs: number;
  maxWaitMs?: number;
}): FaultWriter {
  const answers: Answer[] = [];
  const acked = new Map<string, number>();
  let stopping = false;
  let batch = 0;
  const lane = async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      while (!stopping) {
        const number = batch++;
        const items = Array.from({ length: options.batchSize }, (_v, i) => ({
          source: options.source,
          externalId: `${options.prefix}-${number}-${i}`,
          receivedAt: new Date(Date.now() - 60_000).toISOString(),
          text: 'Не работает лифт в подъезде, третий день без лифта.',
          lat: 55.7963,
          lon: 37.938,
          category: 'housing.lift-broken',
        }));
        const body = JSON.stringify({ complaints: items });
        for (;;) {
          const { answer, text } = await send(options.url, {
            method: 'POST',
            path: '/api/v1/complaints',
            token: options.token,
            body,
            agent,
          });
          answers.push(answer);
          if (answer.status === 200) {
            for (const r of (JSON.parse(text) as { results: { externalId: string; id: number }[] }).results)
              acked.set(r.externalId, r.id);
            break;
          }
          // Once stopping, a batch the server never took is left: nothing of it was acknowledged.
          if (stopping) break;
          const wait = Math.min(Number(answer.retryAfter) * 1000 || 200, options.maxWaitMs ?? 1_000);
          await new Promise((r) => setTimeout(r, wait));
        }
        await new Promise((r) => setTimeout(r, options.pauseMs));
      }
    } finally {
      agent.destroy();
    }
  };
  const lanes = Array.from({ length: options.lanes }, lane);
  return {
    answers,
    acked,
    stop: async () => {
      stopping = true;
      await Promise.all(lanes);
    },
  };
}

export interface StatusWatch {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** Every server:status with its receipt time (performance.now()). */
  statuses: { at: number; status: ServerStatus }[];
  close(): void;
}

/** A screen subscribed to the region that records what the server says of its database. */
export async function watchStatus(url: string, token: string): Promise<StatusWatch> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1_000,
  });
  const statuses: StatusWatch['statuses'] = [];
  socket.on('server:status', (status) => statuses.push({ at: performance.now(), status }));
  socket.on('connect', () => socket.emit('wall:subscribe', { scope: {} }, () => {}));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    setTimeout(() => reject(new Error('the screen did not connect')), 15_000);
  });
  return { socket, statuses, close: () => socket.close() };
}
