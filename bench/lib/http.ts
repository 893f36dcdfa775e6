/**
 * Keep-alive HTTP to the app. node:http rather than fetch: the driver shares two cores with the server and
 * PostgreSQL, and every millisecond of client CPU it saves is a millisecond the server gets.
 */
import http from 'node:http';
import { sleep } from './stats';
import { benchAuthorization } from './identity';

export interface HttpAnswer {
  status: number;
  retryAfter: string | undefined;
  body: string;
}

export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets });
}

export function postJson(
  agent: http.Agent,
  url: string,
  body: string,
  timeoutMs = 60_000,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...benchAuthorization(),
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`POST ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Pause after a failed request (5xx other than 503, transport error) before the sender goes on. */
const FAILURE_BACKOFF_MS = 1000;

export interface IngestTally {
  batches: number;
  created: number;
  duplicate: number;
  rejected: number;
  /** 503/429 answers (backpressure), each honoured by waiting Retry-After before sending the same body again. */
  throttled: number;
  /** Other non-2xx answers and transport errors (each followed by a 1 s back-off, the batch not resent). */
  failed: number;
  rejectSamples: string[];
}

export const emptyTally = (): IngestTally => ({
  batches: 0,
  created: 0,
  duplicate: 0,
  rejected: 0,
  throttled: 0,
  failed: 0,
  rejectSamples: [],
});

interface ItemResult {
  status: 'created' | 'duplicate' | 'rejected';
  id?: number;
  errors?: { field: string; message: string }[];
}

export interface BatchOutcome {
  /** When the answer arrived (after the server's commit), ms on the shared clock. */
  ackAt: number;
  created: number;
  ids: number[];
}

/**
 * Posts one batch until it is answered for real: a 503/429 waits Retry-After (1 s if absent, at most 10 s) and
 * sends the same body again; bounded by `deadline` so a server stuck in backpressure cannot hang the bench.
 */
export async function postBatch(
  agent: http.Agent,
  baseUrl: string,
  body: string,
  tally: IngestTally,
  deadline: number,
): Promise<BatchOutcome | null> {
  for (;;) {
    let answer: HttpAnswer;
    try {
      answer = await postJson(agent, `${baseUrl}/api/v1/complaints`, body);
    } catch (error) {
      tally.failed++;
      if (tally.rejectSamples.length < 5) tally.rejectSamples.push(String(error));
      await sleep(FAILURE_BACKOFF_MS);
      return null;
    }
    const ackAt = performance.timeOrigin + performance.now();
    if (answer.status === 503 || answer.status === 429) {
      tally.throttled++;
      const wait = Math.min(10, Math.max(0.05, Number(answer.retryAfter ?? 1) || 1)) * 1000;
      if (Date.now() + wait > deadline) return null;
      await sleep(wait);
      continue;
    }
    if (answer.status !== 200 && answer.status !== 207 && answer.status !== 422) {
      tally.failed++;
      if (tally.rejectSamples.length < 5)
        tally.rejectSamples.push(`HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
      // A client backs off after a server error rather than resending at once: otherwise a server that
      // fails fast is measured on how quickly it can refuse, not on what it can store.
      await sleep(FAILURE_BACKOFF_MS);
      return null;
    }
    tally.batches++;
    const { results } = JSON.parse(answer.body) as { results: ItemResult[] };
    const ids: number[] = [];
    for (const r of results) {
      if (r.status === 'created') {
        tally.created++;
        if (r.id !== undefined) ids.push(r.id);
      } else if (r.status === 'duplicate') tally.duplicate++;
      else {
        tally.rejected++;
        if (tally.rejectSamples.length < 5) tally.rejectSamples.push(JSON.stringify(r.errors));
      }
    }
    return { ackAt, created: ids.length, ids };
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000), headers: benchAuthorization() });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
