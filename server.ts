/**
 * The app's entry: one HTTP port for Next.js (pages, API) and Socket.IO (live wall), the database opened and
 * migrated in-process (PGlite allows one process per data folder), and the built-in simulator.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import next from 'next';
import { createApp } from './lib/app/create-app';
import { ConfigError, loadConfig } from './lib/config';
import { bootstrapIdentities } from './lib/identity/bootstrap';
import { ProvisioningError, provisionIdentities } from './lib/identity/provision-identities';
import { DataDirLocked, lockDataDir } from './lib/server/data-dir-lock';
import { createHttpServer, DEFAULT_HTTP_TIMEOUTS } from './lib/server/http-server';
import { createSimulator } from './lib/simulator';
import { loadWallConfig } from './lib/wall/load-wall-config';
import { renderProgress } from './lib/simulator/progress-bar';
import { createLogger } from './lib/log/create-logger';
import { withStepProgress } from './lib/log/step-progress';
import { parseRate } from './lib/simulator/rate';
import { startProcessMetrics } from './lib/metrics/registry';

function readBuildId(dev: boolean): string {
  if (dev) return `dev-${Date.now()}`;
  try {
    return readFileSync(
      path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'),
      'utf8',
    ).trim();
  } catch {
    throw new Error('No production build found: run `npm run build` first (or `npm start`, which builds).');
  }
}

async function main(): Promise<void> {
  const began = performance.now();
  const config = loadConfig();
  const ratePerSecond = parseRate(config.SIMULATOR_RATE);
  const nodeId = config.NODE_ID ?? `${hostname()}:${config.PORT}`;
  // Readable lines on a terminal, JSON lines elsewhere (lib/log/create-logger.ts).
  const log = createLogger({ level: config.LOG_LEVEL, node: nodeId });
  startProcessMetrics(nodeId);
  const buildId = readBuildId(config.dev);
  // A bad wall layout file stops the start, naming the field, rather than failing every wall page later.
  loadWallConfig();
  const embedded = !config.DATABASE_URL;
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  // One process per PGlite folder: the admin CLI checks this lock instead of corrupting the database.
  const lock = embedded ? lockDataDir(config.PGLITE_DIR) : null;

  const httpServer = createHttpServer({
    ...DEFAULT_HTTP_TIMEOUTS,
    requestMs: config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
  });
  const wall = await withStepProgress('Database: open and migrate', () =>
    createApp({
      database: {
        databaseUrl: config.DATABASE_URL,
        pgliteDir: config.PGLITE_DIR,
        connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
        applicationName: `cur-wall:${nodeId}`,
      },
      log,
      register: { buildId },
      realtime: {
        server: httpServer,
        listen: { port: config.PORT, host: config.HOST },
        // What the perimeter admits and is not Socket.IO's is Next's (prepared below, before the port opens).
        handle: (req, res) => void handleRequest(req, res),
        perimeter: {
          allowedHosts: config.ALLOWED_HOSTS,
          // A specific bind address (HOST=10.0.0.5) is where the PDF renderer reaches the server.
          extraHosts: ['0.0.0.0', '::'].includes(config.HOST)
            ? []
            : [config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST],
          writesPerMinute: config.RATE_LIMIT_WRITES_PER_MINUTE,
          dev: config.dev,
          photoHosts: config.PHOTO_HOSTS,
          trustedProxies: config.TRUSTED_PROXIES,
        },
        metrics: { token: config.METRICS_TOKEN, allowedAddresses: config.METRICS_ALLOWED_ADDRESSES },
      },
      warmUpClassifier: true,
      slaClock: true,
      webhooks: true,
      incidentScan: true,
      classifierRetrain: { afterDecisions: config.CLASSIFIER_RETRAIN_AFTER },
      nodeId,
      // On PostgreSQL any number of nodes may share the database: elect a leader, tail the feed, share sockets.
      ...(embedded ? {} : { cluster: {} }),
    }),
  );
  const { ctx } = wall;
  if (config.BOOTSTRAP_IDENTITIES_FILE) {
    const file = config.BOOTSTRAP_IDENTITIES_FILE;
    const secretsFile = config.BOOTSTRAP_SECRETS_FILE ?? `${file}.secrets.json`;
    const provisioned = await provisionIdentities(ctx, { file, secretsFile, publicUrl });
    if (provisioned)
      log.info({ users: Object.keys(provisioned).length, secretsFile }, 'identities provisioned');
  }

  const app = next({
    dev: config.dev,
    dir: process.cwd(),
    httpServer,
    hostname: config.HOST,
    port: config.PORT,
  });
  const handleRequest = app.getRequestHandler();
  await withStepProgress('Next.js: prepare', () => app.prepare());
  // Only once Next is prepared and on the server: the port opens last, so no request meets half an app.
  await wall.start();
  // No address yet: the wall's URL comes with `ready`, once its history is there (a page opened now waits).
  log.info({ port: config.PORT, driver: wall.driver, dev: config.dev }, 'listening');
  // Issuing a first-admin link cancels the one before it: among several nodes only the leader issues it.
  const links = wall.leadership.isLeader
    ? await bootstrapIdentities(ctx, { publicUrl, embedded })
    : { firstAdminUrl: null, displayUrl: null };
  // Plain lines, not only pino JSON: a newcomer reads them in the console of the README's first command.
  const printLinks = () => {
    if (links.firstAdminUrl)
      console.log(
        `\nFirst start: create the first administrator here (works once, 24 h):\n  ${links.firstAdminUrl}\n`,
      );
    if (links.displayUrl)
      console.log(
        `A ready display link for this machine's wall (open it in the wall's browser; works once, 24 h):\n` +
          `  ${links.displayUrl}\n`,
      );
  };

  const simulator =
    config.SIMULATOR !== 'off'
      ? createSimulator(ctx, {
          ratePerSecond,
          backfillWeeks: config.SIMULATOR_BACKFILL_WEEKS,
          federalDays: config.SIMULATOR_FEDERAL_DAYS,
        })
      : null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const began = performance.now();
    log.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'shutting down');
    // Whatever hangs (a database that does not answer a close), the process is gone in time: a balancer and an
    // orchestrator count on it. Nothing unanswered was acknowledged, so nothing is lost by exiting.
    setTimeout(() => {
      log.warn({ seconds: (performance.now() - began) / 1000 }, 'shutdown deadline: exiting now');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS + 1_500).unref();
    // New requests are refused at once; the simulator writes through the app and stops next; then the app in
    // its own order: what is in flight finishes, background work stops, the screens' realtime goes last.
    wall.refuseNewRequests();
    await simulator?.stop();
    await wall.close({ graceMs: config.SHUTDOWN_GRACE_MS });
    lock?.release();
    log.info({ seconds: Math.round(performance.now() - began) / 1000 }, 'shut down');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // The simulator is one more writer that must run once in the cluster: only the leader backfills and streams.
  if (simulator && !wall.leadership.isLeader) log.info('simulator waits for the leadership');
  if (simulator && wall.leadership.isLeader) {
    const backfill = await simulator.backfill(renderProgress);
    if (backfill)
      log.info(backfill, backfill.kind === 'gap' ? 'gap since the last run filled' : 'history backfilled');
  }
  // The other regions' history (the federal view /russia): in backfill mode (browser tests count what they post)
  // it is complete before `ready`; with a live stream it is written behind the ready wall (below).
  const backfillFederal = () =>
    simulator!.backfillFederal((done, total) => renderProgress(done, total, 'regions'));
  if (simulator && wall.leadership.isLeader && config.SIMULATOR === 'backfill') {
    const other = await backfillFederal();
    if (other) log.info(other, 'other regions backfilled');
  }
  // After a backfill (or on a database from before the hourly backlog record) the week-ago numbers need it.
  // A recount of the rollups must not run on two nodes at once: the leader does it (any later leader finds it done).
  if (wall.leadership.isLeader)
    await withStepProgress('Week-ago history: check and rebuild', () => wall.ensureHistory());
  // With a live stream the other regions' history goes on behind the ready wall; it is begun before the stream
  // starts, so their live feed waits for it and goes on from its end (no hole a restart could not see).
  if (simulator && wall.leadership.isLeader && config.SIMULATOR === 'on') {
    void backfillFederal()
      .then((result) => result && log.info(result, 'other regions backfilled'))
      .catch((err: unknown) => log.error({ err }, 'other regions backfill failed'));
  }
  if (simulator && config.SIMULATOR === 'on') {
    wall.leadership.onChange((leading) => {
      if (stopping) return;
      if (leading) {
        simulator.start();
        log.info({ ratePerSecond }, 'simulator streaming');
      } else void simulator.stop();
    });
  }
  // Start-up is over (history included): scripts and browser tests wait for this line.
  const seconds = Math.round(performance.now() - began) / 1000;
  const wallUrl = `http://localhost:${config.PORT}/wall`;
  log.info({ url: wallUrl, seconds }, 'ready');
  if (process.stdout.isTTY) console.log(`\nThe wall is ready (${seconds} s): ${wallUrl}\n`);
  printLinks();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ProvisioningError || error instanceof DataDirLocked) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
