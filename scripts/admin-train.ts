/**
 * The admin CLI's classifier commands (scripts/admin.ts dispatches to them): retrain, import labelled
 * history, list the versions, roll back. Audited as `system:cli`, like every change the CLI makes.
 */
import { readFile } from 'node:fs/promises';
import { importLabelled } from '../lib/classifier-learning/import-labelled';
import { listClassifierVersions } from '../lib/classifier-learning/list-classifier-versions';
import { retrainClassifier } from '../lib/classifier-learning/retrain-classifier';
import { rollbackClassifier } from '../lib/classifier-learning/rollback-classifier';
import type { AppContext } from '../lib/context';
import { actorRef, type Actor } from '../lib/domain/access';
import { recordAudit } from '../lib/identity/audit';
import type { AdminCommand } from './admin-args';

type TrainCommand = Extract<AdminCommand, { name: `train ${string}` }>;
type Answer = { json: Record<string, unknown>; text: string } | { refusal: string; exitCode: 1 | 2 };

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

export function isTrainCommand(command: AdminCommand): command is TrainCommand {
  return command.name.startsWith('train ');
}

export async function runTrainCommand(ctx: AppContext, actor: Actor, command: TrainCommand): Promise<Answer> {
  switch (command.name) {
    case 'train run': {
      const result = await retrainClassifier(ctx, { requestedBy: actorRef(actor), force: true });
      await recordAudit(ctx.db, {
        actor,
        action: 'classifier_retrained',
        target: result.status === 'skipped' ? null : `classifier-version:${result.version}`,
        outcome: result.status === 'skipped' ? 'failed' : 'ok',
        detail: result.status === 'skipped' ? { reason: result.reason } : { status: result.status },
      });
      if (result.status === 'skipped') return { refusal: `train run: ${result.reason}`, exitCode: 1 };
      const { candidate, live, heldOut } = result.metrics;
      return {
        json: result,
        text:
          `version ${result.version}: ${result.status === 'live' ? 'live' : `refused (${result.reason})`}\n` +
          `held-out decisions: ${heldOut}; coverage ${pct(candidate.coverage)} at ${pct(candidate.confidentAccuracy)} ` +
          `confident, top guess ${pct(candidate.overallAccuracy)}` +
          (live
            ? `; live version ${live.version}: ${pct(live.coverage)} at ${pct(live.confidentAccuracy)}, top guess ${pct(live.overallAccuracy)}`
            : ''),
      };
    }
    case 'train import': {
      let csv: string;
      try {
        csv = await readFile(command.file, 'utf8');
      } catch (error) {
        return { refusal: `train import: ${command.file}: ${(error as Error).message}`, exitCode: 2 };
      }
      let report;
      try {
        report = await importLabelled(ctx, csv, actor);
      } catch (error) {
        return { refusal: `train import: ${command.file}: ${(error as Error).message}`, exitCode: 2 };
      }
      const lines = report.refused.map((r) => `  line ${r.line}: ${r.reason}`);
      return {
        json: { ...report },
        text: [`imported ${report.imported}, refused ${report.refused.length}`, ...lines].join('\n'),
      };
    }
    case 'train list': {
      const versions = await listClassifierVersions(ctx.db);
      return {
        json: { versions },
        text:
          versions
            .map(
              (v) =>
                `${v.id}\t${v.status}\t${v.createdAt}\tcoverage ${v.metrics ? pct(v.metrics.candidate.coverage) : '—'}` +
                (v.reason ? `\t${v.reason}` : ''),
            )
            .join('\n') || 'no classifier versions yet (the seed model is live)',
      };
    }
    case 'train rollback': {
      const result = await rollbackClassifier(ctx, actor, command.id);
      if (result.status === 'rejected')
        return {
          refusal: `train rollback: --id: ${result.message}`,
          exitCode: result.code === 'not_found' ? 2 : 1,
        };
      return {
        json: result,
        text: `version ${result.version} is live again (retired ${result.retired ?? '—'})`,
      };
    }
  }
}
