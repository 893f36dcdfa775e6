import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import type { ClassifierMetrics } from '../../db/schema/classifier-versions';
import { CLASSIFY_THRESHOLD, seedModel, setLiveModel } from '../classify/classify-text';
import { buildTrainingSet, NONE_LABEL } from '../classify/training-data';
import { commitChange } from '../commit/commit-change';
import type { AppContext } from '../context';
import { buildModel } from './build-model';
import { examplesHead, heldOutStart, isHeldOut, loadExamples } from './load-examples';
import { readLiveVersion } from './live-version';
import { measureModel } from './measure-model';
import { refusalOf } from './judge-candidate';
import { rebuildVersion } from './rebuild-version';
import { LEARNING } from './settings';
import { trainingSetOf } from './training-set';

export type RetrainResult =
  | { status: 'skipped'; reason: string }
  | { status: 'live' | 'refused'; version: number; reason: string | null; metrics: ClassifierMetrics };

export interface RetrainRequest {
  /** `user:3`, `system:cli`, `system:retrain`. */
  requestedBy: string;
  /** Train even when no example arrived since the live version (an admin's explicit request). */
  force?: boolean;
  /** The leader's schedule: the commit checks the fencing term. */
  asLeader?: boolean;
}

/** Retrains of this process run one at a time: two would train the same thing and race for «live». */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Trains a candidate on the seed corpus and the center's examples, measures it and the live version on the
 * same held-out slice (the most recent decisions, which the candidate never saw), and stores it: live when it
 * beats the live version (judge-candidate.ts), refused with the reason otherwise. Until the first retrain
 * the seed model is live without a row; the first one stores it as a version too, so it can be rolled back to.
 */
export function retrainClassifier(ctx: AppContext, request: RetrainRequest): Promise<RetrainResult> {
  const run = queue.then(() => retrain(ctx, request));
  queue = run.catch(() => {});
  return run;
}

async function retrain(ctx: AppContext, request: RetrainRequest): Promise<RetrainResult> {
  const live = await readLiveVersion(ctx.db);
  const head = await examplesHead(ctx.db);
  if (!request.force && head.maxId <= (live?.trainedFrom ?? 0))
    return { status: 'skipped', reason: 'нет новых примеров с последнего обучения' };
  const examples = await loadExamples(ctx.db, head.maxId);
  const heldOutFrom = heldOutStart(examples);
  if (heldOutFrom === null) {
    const needed = Math.ceil(LEARNING.heldOutMin / LEARNING.heldOutShare);
    return {
      status: 'skipped',
      reason: `мало решений операторов для проверки: ${head.decisions}, нужно не меньше ${needed}`,
    };
  }
  const heldOut = examples.filter((e) => isHeldOut(e, heldOutFrom));
  // A slice of spam alone measures nothing: no block to get right, every model scores zero and the judge would
  // refuse a candidate for a reason that is not its own.
  const complaints = heldOut.filter((e) => e.label !== null && e.label !== NONE_LABEL).length;
  if (complaints < LEARNING.heldOutMin)
    return {
      status: 'skipped',
      reason: `мало решений с категорией среди отложенных для проверки: ${complaints}, нужно не меньше ${LEARNING.heldOutMin}`,
    };
  const blockOf = (code: string) => ctx.reference.categories.get(code)?.blockCode ?? null;
  const trainingSet = await trainingSetOf(examples, heldOutFrom);
  const candidate = await buildModel(trainingSet, ctx.log);
  const liveModel = live ? await rebuildVersion(ctx.db, ctx.log, live, examples) : seedModel();
  const candidateScores = await measureModel(candidate, heldOut, blockOf);
  const liveScores = await measureModel(liveModel, heldOut, blockOf);
  const reason = refusalOf(candidateScores, liveScores);
  const metrics: ClassifierMetrics = {
    heldOut: heldOut.length,
    targetPrecision: LEARNING.targetPrecision,
    candidate: candidateScores,
    live: { ...liveScores, version: live?.id ?? 0 },
  };

  const stored = await commitChange(
    ctx,
    { lane: 'exclusive', items: 1, asLeader: request.asLeader },
    async (tx, unit): Promise<RetrainResult> => {
      // Compared against a version that is no longer live (a rollback or another node's retrain): stale.
      const now = await readLiveVersion(tx, true);
      if ((now?.id ?? null) !== (live?.id ?? null))
        return { status: 'skipped', reason: 'действующая версия сменилась во время обучения' };
      let liveId = live?.id ?? null;
      if (liveId === null) {
        const [seed] = rowsOf<{ id: string | number }>(
          await tx.execute(sql`insert into classifier_versions (created_at, trained_from, held_out_from,
            examples, status, threshold, metrics, requested_by, live_at)
            values (${unit.now.toISOString()}::timestamptz, 0, 0, ${buildTrainingSet().length}, 'live',
              ${CLASSIFY_THRESHOLD}, ${JSON.stringify({ heldOut: heldOut.length, targetPrecision: LEARNING.targetPrecision, candidate: liveScores, live: null } satisfies ClassifierMetrics)}::jsonb,
              ${request.requestedBy}, ${unit.now.toISOString()}::timestamptz)
            returning id`),
        );
        liveId = Number(seed!.id);
        metrics.live = { ...liveScores, version: liveId };
      }
      if (reason === null)
        await tx.execute(sql`update classifier_versions set status = 'retired' where id = ${liveId}`);
      const [row] = rowsOf<{ id: string | number }>(
        await tx.execute(sql`insert into classifier_versions (created_at, trained_from, held_out_from,
          examples, status, threshold, metrics, reason, requested_by, live_at)
          values (${unit.now.toISOString()}::timestamptz, ${head.maxId}, ${heldOutFrom}, ${trainingSet.length},
            ${reason === null ? 'live' : 'refused'}, ${candidateScores.threshold},
            ${JSON.stringify(metrics)}::jsonb, ${reason}, ${request.requestedBy},
            ${reason === null ? unit.now.toISOString() : null}::timestamptz)
          returning id`),
      );
      const version = Number(row!.id);
      if (reason === null) unit.change.classifier = version;
      return { status: reason === null ? 'live' : 'refused', version, reason, metrics };
    },
  );
  if (stored.status === 'live')
    setLiveModel({ version: stored.version, model: candidate, threshold: candidateScores.threshold });
  ctx.log.info(
    stored.status === 'skipped'
      ? { status: stored.status, reason: stored.reason }
      : {
          status: stored.status,
          version: stored.version,
          coverage: candidateScores.coverage,
          liveCoverage: liveScores.coverage,
        },
    'classifier retrained',
  );
  return stored;
}
