import type { AppContext } from '../context';
import { egressFetch } from '../egress/egress-fetch';
import { createAttemptRecorder } from './attempt-recorder';
import { pickDueDeliveries } from './pick-due-deliveries';
import { planNextAttempt, type NextState } from './retry-policy';
import { sendDelivery, type DueDelivery, type FetchLike } from './send-delivery';
import { describeError } from '../log/describe-error';

export interface WebhookDispatcherOptions {
  /** Poll period; 0 starts no timer (tests drive it with runOnce). Default 1 s. */
  intervalMs?: number;
  /** Default: fetch through the egress guard (lib/egress), which every delivery must pass. */
  fetch?: FetchLike;
  /** Whole-exchange timeout of one attempt. Default 10 s. */
  timeoutMs?: number;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /** Requests in flight to one source at once, so one slow receiver leaves slots to the others. Default half. */
  perSourceConcurrency?: number;
  /** Jitter source for the backoff (tests may pin it). */
  random?: () => number;
}

export interface WebhookDispatcher {
  /** Stops polling, aborts requests in flight (they stay pending, to be sent again) and waits for writes. */
  stop(): Promise<void>;
  /** Sends what is due now, up to the free slots, and resolves when those attempts are recorded. */
  runOnce(): Promise<number>;
}

/**
 * The outbox worker: sends due answers to their sources' webhooks and logs every attempt. One process sends;
 * in-flight ids are kept in memory, so a delivery is never sent twice at once. A crash between the request and
 * its record sends the delivery again later: receivers get each answer at least once (X-Cur-Delivery dedupes).
 */
export function startWebhookDispatcher(
  ctx: AppContext,
  options: WebhookDispatcherOptions = {},
): WebhookDispatcher {
  const intervalMs = options.intervalMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const perSource = Math.max(1, options.perSourceConcurrency ?? Math.ceil(concurrency / 2));
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => egressFetch(url, init));
  const random = options.random ?? Math.random;
  const stopController = new AbortController();
  const inFlight = new Map<number, { sourceCode: string; done: Promise<void> }>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let pollLock: Promise<unknown> = Promise.resolve();
  let saturated = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopController.signal.aborted) return resolve();
      const t = setTimeout(resolve, ms);
      stopController.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });

  const record = createAttemptRecorder(ctx, sleep);

  async function attempt(delivery: DueDelivery): Promise<void> {
    const at = ctx.now();
    const outcome = await sendDelivery(delivery, {
      fetch: fetchImpl,
      timeoutMs,
      stop: stopController.signal,
    });
    if (!outcome) return;
    const finishedAt = ctx.now();
    const tries = delivery.attempts + 1;
    // A URL the egress guard refuses stays refused until an operator changes it: no retry can help.
    const next: NextState = outcome.refused
      ? { status: 'failed', nextAttemptAt: null }
      : planNextAttempt(outcome, tries, delivery.maxAttempts, finishedAt, random);
    const { statusCode, error, durationMs } = outcome;
    await record({ deliveryId: delivery.id, at, finishedAt, statusCode, error, durationMs, ...next });
    const fields = {
      deliveryId: delivery.id,
      source: delivery.sourceCode,
      attempt: tries,
      statusCode: outcome.statusCode,
      durationMs: outcome.durationMs,
    };
    if (next.status === 'delivered') ctx.log.debug(fields, 'webhook: delivered');
    else if (next.status === 'pending')
      ctx.log.info({ ...fields, error: outcome.error, next: next.nextAttemptAt }, 'webhook: will retry');
    else ctx.log.warn({ ...fields, error: outcome.error }, 'webhook: delivery failed');
  }

  function start(delivery: DueDelivery): Promise<void> {
    const done = attempt(delivery)
      .catch((err: unknown) =>
        ctx.log.error({ err, deliveryId: delivery.id }, 'webhook: attempt not recorded'),
      )
      .finally(() => {
        inFlight.delete(delivery.id);
        // A poll that started anything may have left due deliveries behind (all slots taken, or a source's
        // share): take them as soon as a slot frees (not when driven by hand through runOnce, whose caller
        // decides when the next round runs). Waiting for the next period would drain one source's backlog at
        // its share of slots per period, a few a second.
        if (saturated && !stopped && intervalMs > 0) void poll().catch(() => {});
      });
    inFlight.set(delivery.id, { sourceCode: delivery.sourceCode, done });
    return done;
  }

  async function pollNow(): Promise<Promise<void>[]> {
    const free = concurrency - inFlight.size;
    if (stopped || free <= 0) return [];
    const candidates = await pickDueDeliveries(ctx.db, {
      now: ctx.now(),
      busyIds: [...inFlight.keys()],
      perSource,
      limit: concurrency,
    });
    const busyBySource = new Map<string, number>();
    for (const { sourceCode } of inFlight.values())
      busyBySource.set(sourceCode, (busyBySource.get(sourceCode) ?? 0) + 1);
    const chosen: DueDelivery[] = [];
    for (const delivery of candidates) {
      const busy = busyBySource.get(delivery.sourceCode) ?? 0;
      if (chosen.length >= free || busy >= perSource) continue;
      busyBySource.set(delivery.sourceCode, busy + 1);
      chosen.push(delivery);
    }
    saturated = chosen.length > 0;
    return stopped ? [] : chosen.map(start);
  }

  // Polls run one at a time: two at once would read the same due rows before either marked them busy.
  function poll(): Promise<Promise<void>[]> {
    const next = pollLock.then(pollNow);
    pollLock = next.catch(() => {});
    return next;
  }

  function schedule(): void {
    if (stopped || intervalMs <= 0) return;
    timer = setTimeout(() => {
      timer = null;
      poll()
        .catch((err: unknown) => ctx.log.error({ err: describeError(err) }, 'webhook: poll failed'))
        .finally(schedule);
    }, intervalMs);
  }
  schedule();

  return {
    async runOnce() {
      const started = await poll();
      await Promise.all(started);
      return started.length;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      stopController.abort();
      await pollLock;
      await Promise.all([...inFlight.values()].map((f) => f.done));
    },
  };
}
