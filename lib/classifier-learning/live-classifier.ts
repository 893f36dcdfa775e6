import { liveModelVersion, setLiveModel } from '../classify/classify-text';
import type { AppContext } from '../context';
import { describeError } from '../log/describe-error';
import { readLiveVersion } from './live-version';
import { rebuildVersion } from './rebuild-version';

let syncing: Promise<void> | null = null;
let again = false;

async function load(ctx: AppContext): Promise<void> {
  const live = await readLiveVersion(ctx.db);
  if (live === null) {
    setLiveModel(null);
    return;
  }
  if (liveModelVersion() === live.id) return;
  const model = await rebuildVersion(ctx.db, ctx.log, live);
  setLiveModel({ version: live.id, model, threshold: live.threshold });
  ctx.log.info({ version: live.id }, 'classifier version loaded');
}

/**
 * Makes this node classify with the version the database names live, rebuilding it if needed (in a worker).
 * One load at a time; a request during a load runs once more after it, so the last word always wins.
 */
export function syncLiveClassifier(ctx: AppContext): Promise<void> {
  if (syncing) {
    again = true;
    return syncing;
  }
  syncing = load(ctx)
    .catch((error: unknown) =>
      ctx.log.error(
        { err: describeError(error) },
        'classifier version failed to load; keeping the current one',
      ),
    )
    .finally(() => {
      syncing = null;
      if (again) {
        again = false;
        void syncLiveClassifier(ctx);
      }
    });
  return syncing;
}

/**
 * Every node: loads the live version at start and again whenever a commit (its own, or another node's through
 * the change feed) says another version went live. Until it is loaded the node classifies with the previous
 * model: intake never waits for a build.
 */
export function startLiveClassifier(ctx: AppContext): () => void {
  void syncLiveClassifier(ctx);
  return ctx.changes.subscribe((change) => {
    if (change.classifier) void syncLiveClassifier(ctx);
  });
}
