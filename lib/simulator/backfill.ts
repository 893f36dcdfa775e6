import type { AppContext } from '../context';
import { recordComplaints } from '../ingest/record-complaints';
import type { FieldError } from '../domain/field-errors';
import { recordTransitions } from '../lifecycle/record-transitions';
import type { TransitionInput } from '../lifecycle/types';
import type { CategoryInfo, ComplaintFactory } from './generator';
import type { Placer } from './geography';
import { materializeHistory, scheduleHistory } from './history';
import { HOUR_MS, type Incident } from './incidents';
import { planLifecycle, type PlanSubject } from './lifecycle-plan';
import type { Rng } from './random';
import type { RateModel } from './rate';
import { toTransitionInputs, TRANSITION_BATCH } from './transitions';

export type BackfillPhase = 'complaints' | 'lifecycle' | 'regions';
export type ProgressCallback = (done: number, total: number, phase: BackfillPhase) => void;

export interface BackfillResult {
  created: number;
  /** Where the history ends: the live stream starts here, so there is no gap. */
  until: Date;
  /** Incidents still running at the end of the history: the live stream carries them on. */
  openIncidents: Incident[];
}

/** The intake's own per-call limit. */
export const COMPLAINT_BATCH = 1000;

export interface BackfillOptions {
  /** Where the history starts; it ends at the moment the backfill starts (the live stream goes on from there). */
  from: Date;
  model: RateModel;
  rng: Rng;
  factory: ComplaintFactory;
  placer: Placer;
  categoryCodes: ReadonlySet<string>;
  /** Checked between batches: a server shutting down stops the backfill after the batch in flight. */
  shouldStop?: () => boolean;
}

/** What the plan of each stored complaint needs, kept compact (two years of history is over a million rows). */
interface CreatedLog {
  ids: number[];
  receivedAt: number[];
  category: CategoryInfo[];
}

function subjectAt(log: CreatedLog, i: number): PlanSubject {
  const category = log.category[i]!;
  const receivedAt = log.receivedAt[i]!;
  return {
    id: log.ids[i]!,
    receivedAt: new Date(receivedAt),
    dueAt: new Date(receivedAt + category.deadlineHours * HOUR_MS),
    kind: category.kind,
    blockCode: category.blockCode,
  };
}

/**
 * Writes the history from `from` to now through the public intake, then replays every lifecycle step that is
 * already in the past through the public transition path. Big batches keep round trips few (PGlite is slow
 * per statement, fast per row); messages and transitions are built batch by batch to keep memory flat.
 */
export async function runBackfill(
  ctx: AppContext,
  options: BackfillOptions,
  onProgress?: ProgressCallback,
): Promise<BackfillResult> {
  const started = ctx.now();
  const { from } = options;
  const schedule = scheduleHistory({ ...options, to: started });
  const total = schedule.times.length;
  const openIncidents = schedule.incidents.filter((i) => i.endAt.getTime() > started.getTime());
  ctx.log.info(
    { complaints: total, incidents: schedule.incidents.length, from: from.toISOString() },
    'simulator: backfilling history',
  );

  const created: CreatedLog = { ids: [], receivedAt: [], category: [] };
  const stopped = () => ({ created: created.ids.length, until: started, openIncidents });
  let rejected = 0;
  let firstErrors: FieldError[] | undefined;
  onProgress?.(0, total, 'complaints');
  for (let offset = 0; offset < total; offset += COMPLAINT_BATCH) {
    if (options.shouldStop?.()) return stopped();
    const batch = materializeHistory(
      schedule,
      offset,
      offset + COMPLAINT_BATCH,
      options.factory,
      options.rng,
    );
    const results = await recordComplaints(
      ctx,
      batch.map((g) => g.input),
    );
    results.forEach((result, i) => {
      const generated = batch[i]!;
      if (result.status === 'created' && result.id !== undefined) {
        created.ids.push(result.id);
        created.receivedAt.push(generated.receivedAt.getTime());
        created.category.push(generated.category);
      } else if (result.status === 'rejected') {
        rejected++;
        firstErrors ??= result.errors;
      }
    });
    onProgress?.(offset + batch.length, total, 'complaints');
  }
  if (rejected > 0) {
    ctx.log.warn({ rejected, example: firstErrors }, 'simulator: intake rejected generated complaints');
  }

  // Plans are cheap to compute: one pass counts the due steps for the progress bar, the next one sends them.
  const now = ctx.now().getTime();
  const dueStepsOf = (i: number) =>
    planLifecycle(subjectAt(created, i))
      .slice(2) // intake stored the first two steps: `new` and the automatic routing
      .filter((s) => s.at.getTime() <= now);
  let transitionsTotal = 0;
  for (let i = 0; i < created.ids.length; i++) transitionsTotal += dueStepsOf(i).length;

  let done = 0;
  let refused = 0;
  // `inputs` holds whole complaints only, so each call can be checked against the stored state on its own.
  const send = async (inputs: TransitionInput[]) => {
    const results = await recordTransitions(ctx, inputs);
    refused += results.filter((r) => r.status === 'rejected').length;
    done += inputs.length;
    onProgress?.(done, transitionsTotal, 'lifecycle');
  };
  onProgress?.(0, transitionsTotal, 'lifecycle');
  let pending: TransitionInput[] = [];
  for (let i = 0; i < created.ids.length; i++) {
    for (const input of toTransitionInputs(created.ids[i]!, dueStepsOf(i))) pending.push(input);
    if (pending.length >= TRANSITION_BATCH) {
      // Stopping between batches is safe: the live loop finishes the remaining steps from the stored state.
      if (options.shouldStop?.()) return stopped();
      await send(pending);
      pending = [];
    }
  }
  if (pending.length > 0) await send(pending);
  if (refused > 0) ctx.log.warn({ refused }, 'simulator: some backfilled transitions were refused');
  ctx.log.info({ created: created.ids.length, transitions: done - refused }, 'simulator: history ready');
  return { created: created.ids.length, until: started, openIncidents };
}
