import { Worker } from 'node:worker_threads';

export interface ClientAnswer {
  client: number;
  status: number;
  /** From sending the request to the answer's last byte, on the clients' own event loop. */
  ms: number;
  retryAfter: string | null;
  body: string;
}

export interface BatchClientsOptions {
  port: number;
  token: string;
  /** One JSON body per client; a client posts its body until it is taken (not 503), honouring Retry-After. */
  bodies: string[];
  /** Tries per client before it gives up (default 60). */
  maxAttempts?: number;
  /** Per request: a client keeps its keep-alive connection (default true). */
  keepAlive?: boolean;
}

/**
 * Plain JavaScript run in a worker thread: the clients get an event loop of their own, so what they measure
 * is the server's answer time, not the time the server's work held a shared loop (in-process PGlite runs its
 * transactions on the server's thread).
 */
const CLIENTS_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, token, bodies, maxAttempts, keepAlive } = workerData;
const agent = new http.Agent({ keepAlive, maxSockets: bodies.length });
const answers = [];
function post(client, body) {
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/complaints', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body),
        authorization: 'Bearer ' + token } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ client, status: res.statusCode, ms: performance.now() - began,
        retryAfter: res.headers['retry-after'] ?? null, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (error) => resolve({ client, status: 0, ms: performance.now() - began, retryAfter: null,
      body: String(error && error.code || error) }));
    req.end(body);
  });
}
Promise.all(bodies.map(async (body, client) => {
  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    const answer = await post(client, body);
    answers.push(answer);
    if (answer.status !== 503 && answer.status !== 0) return;
    const seconds = Number(answer.retryAfter) || 1;
    await new Promise((r) => setTimeout(r, seconds * 1000 * (0.5 + Math.random() / 2)));
  }
})).then(() => { agent.destroy(); parentPort.postMessage({ answers }); },
  (error) => { agent.destroy(); parentPort.postMessage({ error: String(error && error.stack || error), answers }); });
`;

/** Runs the clients to the end; resolves every answer each got, in the order they came. */
export function runBatchClients(options: BatchClientsOptions): Promise<ClientAnswer[]> {
  const worker = new Worker(CLIENTS_SOURCE, {
    eval: true,
    workerData: {
      port: options.port,
      token: options.token,
      bodies: options.bodies,
      maxAttempts: options.maxAttempts ?? 60,
      keepAlive: options.keepAlive ?? true,
    },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { answers: ClientAnswer[]; error?: string }) => {
      void worker.terminate();
      if (message.error) reject(new Error(`batch clients failed: ${message.error}`));
      else resolve(message.answers);
    });
    worker.once('error', reject);
  });
}
