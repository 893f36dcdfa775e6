import { TZDate } from '@date-fns/tz';
import type { AppContext } from '../context';
import { recordComplaints } from '../ingest/record-complaints';
import { recordTransitions } from '../lifecycle/record-transitions';
import type { TransitionInput } from '../lifecycle/types';
import { listProgressableComplaints, type ProgressableCursor } from './list-progressable-complaints';
import { COMPLAINT_BATCH } from './backfill';
import type { ComplaintFactory, GeneratedComplaint } from './generator';
import type { Placer } from './geography';
import { HOUR_MS, incidentArrivals, startIncident, type Incident } from './incidents';
import { dueSteps } from './lifecycle-plan';
import { createSimulatedOperator } from './operator';
import type { Rng } from './random';
import { normalFlowPerHour, type RateModel } from './rate';
import { batchTransitions, toTransitionInputs } from './transitions';
import { unlabel } from './unlabelled';
import { describeError } from '../log/describe-error';

export interface LiveOptions {
  /** The intake model the backfill shares (rate.ts): the live hour expects what the same hour of history had. */
  model: RateModel;
  /**
   * Where the history ends: the first tick covers the time since then (at most MAX_START_CATCH_UP_MS), so a
   * backfill that took a minute or two leaves no hole before the live stream.
   */
  since?: Date;
  /** The longest span one tick covers after a stall (default 2 s); an accelerated test clock needs more. */
  maxCatchUpMs?: number;
  /** Prefix shared by every simulated externalId; only those complaints are moved through their lifecycle. */
  externalIdPrefix: string;
  /** Incidents already running (carried over from the backfill). */
  initialIncidents?: readonly Incident[];
  tickMs?: number;
  progressMs?: number;
  pageSize?: number;
  /**
   * Send some social posts and hotline transcripts as bare text (see unlabelled.ts), to be classified and located
   * by intake or queued for an operator, and work that queue like a staffed shift. Off by default.
   */
  unlabelled?: boolean;
}

export interface LiveLoop {
  start(): void;
  stop(): Promise<void>;
}

/** After a stall (a laptop asleep, a long GC) the loop catches up at most this much time, not hours at once. */
const MAX_CATCH_UP_MS = 2000;
/** The first tick's reach back to the end of the history (longer gaps are the backfill's, with progress). */
const MAX_START_CATCH_UP_MS = 3600_000;
const MAX_PAGES_PER_PROGRESS = 5;

export function createLiveLoop(
  ctx: AppContext,
  factory: ComplaintFactory,
  placer: Placer,
  rng: Rng,
  categoryCodes: ReadonlySet<string>,
  options: LiveOptions,
): LiveLoop {
  const tickMs = options.tickMs ?? 250;
  const progressMs = options.progressMs ?? 10_000;
  const pageSize = options.pageSize ?? 2000;
  const { model } = options;
  const maxCatchUpMs = options.maxCatchUpMs ?? MAX_CATCH_UP_MS;

  let running = false;
  let intakeTimer: NodeJS.Timeout | null = null;
  let progressTimer: NodeJS.Timeout | null = null;
  let intakeInFlight: Promise<void> | null = null;
  let progressInFlight: Promise<void> | null = null;
  let lastTick: number | null = null;
  let firstTick = true;
  let cursor: ProgressableCursor | null = null;
  const operator = options.unlabelled ? createSimulatedOperator(ctx) : null;
  // A burst that began in the history goes on: the history and the live stream share one scale.
  const active: Incident[] = [...(options.initialIncidents ?? [])];

  /** The message as its channel delivers it: some arrive as bare text, which the operator will need to decide. */
  function labelled(generated: GeneratedComplaint): GeneratedComplaint {
    if (!operator) return generated;
    const bare = unlabel(generated, rng);
    if (!bare) return generated;
    operator.remember(bare.complaint.input.externalId, bare.truth);
    return bare.complaint;
  }

  /** Arrivals since the previous tick: Poisson at the model's normal flow, plus the reports of running incidents. */
  function arrivals(now: number): GeneratedComplaint[] {
    const from = Math.max(lastTick ?? now - tickMs, now - (firstTick ? MAX_START_CATCH_UP_MS : maxCatchUpMs));
    lastTick = now;
    firstTick = false;
    const span = now - from;
    if (span <= 0) return [];
    const mean = normalFlowPerHour(model, new Date(from + span / 2)) * (span / HOUR_MS);
    const out: GeneratedComplaint[] = [];
    const n = rng.poisson(mean);
    for (let i = 0; i < n; i++) out.push(labelled(factory.random(new Date(from + rng.next() * span), rng)));

    if (rng.chance((model.incidentsPerDay * span) / (24 * HOUR_MS))) {
      const at = new Date(from);
      const month = new TZDate(now, 'Europe/Moscow').getMonth() + 1;
      const incident = startIncident(at, rng, placer, month, categoryCodes);
      active.push(incident);
      ctx.log.info(
        { town: incident.town.label, category: incident.categoryCode, until: incident.endAt.toISOString() },
        'simulator: incident started',
      );
    }
    for (let i = active.length - 1; i >= 0; i--) {
      const incident = active[i]!;
      for (const at of incidentArrivals(incident, new Date(from), new Date(now), rng)) {
        out.push(labelled(factory.forIncident(incident, at, rng)));
      }
      if (incident.endAt.getTime() <= now) active.splice(i, 1);
    }
    return out.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  }

  async function intakeTick(): Promise<void> {
    const items = arrivals(ctx.now().getTime());
    for (let offset = 0; offset < items.length; offset += COMPLAINT_BATCH) {
      const batch = items.slice(offset, offset + COMPLAINT_BATCH).map((g) => g.input);
      const results = await recordComplaints(ctx, batch);
      const rejected = results.filter((r) => r.status === 'rejected');
      if (rejected.length > 0) {
        ctx.log.warn(
          { rejected: rejected.length, example: rejected[0]?.errors },
          'simulator: intake rejected items',
        );
      }
    }
  }

  /** Moves open simulated complaints along their plans, a few pages per tick, cycling through all of them. */
  async function progressTick(): Promise<void> {
    const now = ctx.now();
    const transitions: TransitionInput[] = [];
    for (let page = 0; page < MAX_PAGES_PER_PROGRESS; page++) {
      const rows = await listProgressableComplaints(ctx.db, {
        after: cursor,
        limit: pageSize,
        externalIdPrefix: options.externalIdPrefix,
        region: 'home',
      });
      if (operator) await operator.work(rows, now);
      for (const row of rows) {
        // A message waiting in the operator queue has no plan until someone files it under a category.
        if (row.categoryCode === null) continue;
        const steps = dueSteps(
          {
            id: row.id,
            receivedAt: row.receivedAt,
            dueAt: row.dueAt,
            kind: row.kind ?? 'operational',
            blockCode: row.blockCode,
          },
          { status: row.status, statusAt: row.statusAt },
          now,
        );
        for (const input of toTransitionInputs(row.id, steps)) transitions.push(input);
      }
      const last = rows[rows.length - 1];
      if (rows.length < pageSize || !last) {
        cursor = null;
        break;
      }
      cursor = { dueAt: last.dueAt, id: last.id };
    }
    let refused = 0;
    for (const batch of batchTransitions(transitions)) {
      const results = await recordTransitions(ctx, batch);
      refused += results.filter((r) => r.status === 'rejected').length;
    }
    // Refusals are expected when an operator changes a complaint by hand between the read and the write.
    if (refused > 0) ctx.log.debug({ refused }, 'simulator: transitions refused');
  }

  function scheduleIntake(): void {
    if (!running) return;
    intakeTimer = setTimeout(() => {
      intakeTimer = null;
      intakeInFlight = intakeTick()
        .catch((err: unknown) => ctx.log.error({ err: describeError(err) }, 'simulator: intake tick failed'))
        .finally(() => {
          intakeInFlight = null;
          scheduleIntake();
        });
    }, tickMs);
  }

  function scheduleProgress(delay: number): void {
    if (!running) return;
    progressTimer = setTimeout(() => {
      progressTimer = null;
      progressInFlight = progressTick()
        .catch((err: unknown) =>
          ctx.log.error({ err: describeError(err) }, 'simulator: lifecycle tick failed'),
        )
        .finally(() => {
          progressInFlight = null;
          scheduleProgress(progressMs);
        });
    }, delay);
  }

  return {
    start() {
      if (running) return;
      running = true;
      const now = ctx.now().getTime();
      firstTick = lastTick === null;
      lastTick = lastTick ?? Math.min(now, options.since?.getTime() ?? now);
      scheduleIntake();
      scheduleProgress(Math.min(1000, progressMs));
    },
    async stop() {
      running = false;
      if (intakeTimer) clearTimeout(intakeTimer);
      if (progressTimer) clearTimeout(progressTimer);
      intakeTimer = null;
      progressTimer = null;
      await Promise.all([intakeInFlight, progressInFlight]);
    },
  };
}
