import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { DbHandle, DbOptions } from '../../db/client';
import type { AppContext } from '../context';
import { warmUpClassifier } from '../classify/classify-text';
import { createRealtime, type RealtimeServer } from '../realtime/create-realtime';
import { LiveHub, type LiveHubOptions } from '../realtime/live-hub';
import { PanelHub, type PanelHubOptions } from '../realtime/panel-hub';
import { ensureRollupHistory } from '../rollups/ensure-history';
import { registerApp, unregisterApp, type RunningApp } from '../server/app-registry';
import { createHttpServer, type HttpTimeouts } from '../server/http-server';
import { createPerimeter, type PerimeterOptions } from '../server/perimeter';
import type { WebhookDispatcherOptions } from '../webhooks/dispatcher';
import { FeedTail } from '../cluster/feed-tail';
import type { Leadership } from '../cluster/leadership';
import { openContext } from './open-context';
import { runLeaderWork } from './leader-work';
import type { RetrainSchedule } from '../classifier-learning/retrain-schedule';
import { registerClassifierLearning } from '../classifier-learning/learning-service';
import { retrainClassifier } from '../classifier-learning/retrain-classifier';
import { rollbackClassifier } from '../classifier-learning/rollback-classifier';
import { startLiveClassifier } from '../classifier-learning/live-classifier';
import { IncidentHub } from '../realtime/incident-hub';
import { reconstructIncidents } from '../incidents/reconstruct-incidents';
import { createClusterAdapter, type ClusterAdapter } from '../realtime/cluster-adapter';
import { writeErrorResponse } from '../server/write-error-response';
import { createMetricsEndpoint, type MetricsAccess } from '../server/metrics-endpoint';
import { createHttpDrain } from '../server/http-drain';
import { createRequestGate } from '../server/request-gate';

interface CommonOptions {
  database: DbOptions;
  /** Silent when absent. */
  log?: Logger;
  /** The clock of the context; tests pin it. */
  now?: () => Date;
  /** Backlog of the single writer before intake answers 503 (default 20,000 items). */
  maxQueuedWrites?: number;
  // Background work is off unless asked for, so a test never gets a timer writing behind its back.
  /** start() runs the SLA clock (overdue flags, hourly backlog record); an object sets its period. */
  slaClock?: boolean | { intervalMs: number };
  /** start() runs the webhook outbox worker. */
  webhooks?: boolean | WebhookDispatcherOptions;
  /** start() turns bursts into incidents on the leader; an object sets the scan period. */
  incidentScan?: boolean | { intervalMs: number };
  /** start() builds the classifier's model, which is otherwise built by the first complaint that needs it. */
  warmUpClassifier?: boolean;
  /** start() retrains the classifier from the operators' decisions on the leader; an object sets when. */
  classifierRetrain?: boolean | RetrainSchedule;
  /** This node's name in logs, metrics and the change feed (default `local`). */
  nodeId?: string;
  /**
   * One of several nodes on one PostgreSQL (ignored on PGlite): the leader is elected and alone runs the
   * clock, the webhooks and pruning; the hubs tail the change feed; Socket.IO broadcasts reach every node.
   */
  cluster?: { leaderIntervalMs?: number; feedPollMs?: number };
}

/** Only the database and its context: scripts and most tests. */
export interface DatabaseAppOptions extends CommonOptions {
  hubs: false;
}

export interface HubOptions {
  live?: LiveHubOptions;
  panels?: PanelHubOptions;
  /** Whether start() sets each hub's timers going (default both): tests that flush by hand keep them still. */
  timers?: { live?: boolean; panels?: boolean };
}

export interface RealtimeOptions {
  /**
   * The HTTP server Socket.IO shares (the server's, made with createHttpServer so Next can be given it first);
   * a new one with `timeouts` when absent.
   */
  server?: HttpServer;
  /** Timeouts of the server made here (default DEFAULT_HTTP_TIMEOUTS). */
  timeouts?: HttpTimeouts;
  /** start() listens here as its last step, once everything answers; port 0 takes any free port. */
  listen?: { port: number; host: string };
  /** Every request that is not Socket.IO's, once the perimeter admitted it (Next's handler); 404 when absent. */
  handle?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Allowed hosts, write limits and security headers (lib/server/perimeter.ts); its defaults when absent. */
  perimeter?: PerimeterOptions;
  /** Live scopes per Socket.IO connection (default 16). */
  maxScopesPerSocket?: number;
  /** Who may read /metrics (lib/server/metrics-endpoint.ts); loopback only when absent. */
  metrics?: MetricsAccess;
  /** How often sockets' credentials are checked for a revocation nobody announced (default 10 s). */
  credentialSweepMs?: number;
}

/** The database, the live and panel hubs, and whichever edges and background parts are asked for. */
export interface WholeAppOptions extends CommonOptions {
  hubs?: HubOptions;
  /** Registers the app so Next's route handlers, in the same process, find it. */
  register?: { buildId: string; startedAt?: Date };
  /** Socket.IO for wall screens; attached by start(). */
  realtime?: RealtimeOptions;
}

export type CreateAppOptions = DatabaseAppOptions | WholeAppOptions;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const DEFAULT_GRACE_MS = 8_000;

/** Waits for `work` at most `ms`. */
function within(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/**
 * Puts the perimeter in front of every request, Socket.IO's polling included: Socket.IO attaches its own
 * 'request' listener ahead of the others, so it is taken off and called from here once a request is admitted.
 * WebSocket upgrades do not pass here: Socket.IO's allowRequest checks them.
 */
function guardRequests(
  http: HttpServer,
  admit: (req: IncomingMessage, res: ServerResponse) => boolean,
  engine: Handler,
  handle?: Handler,
  metrics?: (req: IncomingMessage, res: ServerResponse) => boolean,
): void {
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!admit(req, res)) return;
    if (metrics?.(req, res)) return;
    // The prefix test engine.io itself uses for its default path.
    if (req.url?.startsWith('/socket.io/')) engine(req, res);
    else if (handle) handle(req, res);
    else {
      writeErrorResponse(res, 404, 'not_found', 'Not found.');
    }
  });
}

export type HistoryRepair = Awaited<ReturnType<typeof ensureRollupHistory>>;

export interface DatabaseApp {
  ctx: AppContext;
  driver: DbHandle['driver'];
  /** Whether this node leads (always, alone); server.ts runs the simulator only on the leader. */
  leadership: Leadership;
  /** Sets the parts asked for going: realtime, hub timers, classifier, SLA clock, webhooks, then listens. */
  start(): Promise<void>;
  /**
   * Makes the week-ago comparisons answerable (see ensureRollupHistory). Not part of start(): the server runs
   * it after the simulator's backfill, which needs the server up already.
   */
  ensureHistory(): Promise<HistoryRepair>;
  /**
   * Stops everything started, and closes the database last. Idempotent. With an HTTP server: new requests are
   * refused at once (503 `shutting_down`), requests in flight get `graceMs` (default 8,000) to finish, then the
   * background work stops, then the screens' realtime and the hubs, last.
   */
  close(options?: CloseOptions): Promise<void>;
}

export interface CloseOptions {
  /** How long requests in flight may take to finish before their connections are cut (SHUTDOWN_GRACE_MS). */
  graceMs?: number;
}

export interface App extends DatabaseApp {
  live: LiveHub;
  panels: PanelHub;
  /** Socket.IO once start() attached it. */
  readonly io: RealtimeServer | null;
  /** `http://host:port` once start() listened (the real port when asked for port 0). */
  readonly url: string | null;
  /**
   * SIGTERM's first step, before anything else stops: answer every new request 503 `shutting_down` (the port
   * stays open until what is in flight is done), close keep-alive connections after their current answer.
   * close() does it too.
   */
  refuseNewRequests(): void;
  /** Every screen on every node reloads; returns how many sockets this node holds. */
  reloadScreens(): number;
}

/**
 * Wires the app the one way the server, the scripts, the tests and the bench share: database and context, hubs,
 * registry, realtime, clocks and dispatchers, each part switched by its option. Nothing runs until start().
 * The simulator is not a part: production code never imports it, so the server starts it with `app.ctx`.
 */
export async function createApp(options: DatabaseAppOptions): Promise<DatabaseApp>;
export async function createApp(options: WholeAppOptions): Promise<App>;
export async function createApp(options: CreateAppOptions): Promise<DatabaseApp | App> {
  const { ctx, handle, leadership } = await openContext(options);
  registerClassifierLearning({ retrain: retrainClassifier, rollback: rollbackClassifier });
  const clustered = options.cluster !== undefined && handle.driver === 'postgres';
  const whole = options.hubs === false ? null : options;
  let live: LiveHub | null = null;
  let panels: PanelHub | null = null;
  let incidentHub: IncidentHub | null = null;
  let running: RunningApp | null = null;
  try {
    live = whole ? new LiveHub(ctx, whole.hubs?.live) : null;
    panels = whole ? new PanelHub(ctx, whole.hubs?.panels) : null;
    incidentHub = whole ? new IncidentHub(ctx) : null;
    if (whole?.register && live && panels) {
      const { buildId, startedAt = new Date() } = whole.register;
      running = {
        ctx,
        live,
        panels,
        buildId,
        startedAt,
        reloadScreens: () => reloadScreens(),
      };
      registerApp(running);
    }
  } catch (error) {
    await Promise.all([live?.stop(), panels?.stop()]);
    incidentHub?.stop();
    await handle.close().catch(() => {});
    throw error;
  }
  const http = whole?.realtime ? (whole.realtime.server ?? createHttpServer(whole.realtime.timeouts)) : null;
  const drain = http ? createHttpDrain(http, ctx.log) : null;

  let io: RealtimeServer | null = null;
  let url: string | null = null;
  let stopLeaderWork: (() => Promise<void>) | null = null;
  let stopLiveClassifier: (() => void) | null = null;
  const reloadScreens = (): number => {
    if (!io) return 0;
    io.emit('app:reload');
    return io.sockets.sockets.size;
  };
  let tail: FeedTail | null = null;
  let adapter: ClusterAdapter | null = null;
  let started = false;
  let closing: Promise<void> | null = null;

  const start = async (): Promise<void> => {
    if (started) return;
    started = true;
    if (http && live && whole?.realtime) {
      const perimeter = createPerimeter(whole.realtime.perimeter);
      if (clustered) adapter = createClusterAdapter(options.database.databaseUrl!, ctx.log);
      const realtime = createRealtime(http, {
        adapter: adapter?.adapter,
        nodeId: ctx.nodeId,
        health: () => ctx.health,
        credentialSweepMs: whole.realtime.credentialSweepMs,
        live,
        panels: panels ?? undefined,
        incidents: incidentHub ?? undefined,
        reference: ctx.reference,
        log: ctx.log,
        refuse: perimeter.socketRefusal,
        maxScopesPerSocket: whole.realtime.maxScopesPerSocket,
        db: ctx.db,
        now: ctx.now,
        revocations: ctx.revocations,
      });
      io = realtime;
      guardRequests(
        http,
        createRequestGate({ perimeter, drain: drain!, databaseUp: () => ctx.health.up }),
        (req, res) => realtime.engine.handleRequest(req, res),
        whole.realtime.handle,
        createMetricsEndpoint(whole.realtime.metrics),
      );
    }
    if (live && whole?.hubs?.timers?.live !== false) live.start();
    if (panels && whole?.hubs?.timers?.panels !== false) panels.start();
    incidentHub?.start();
    if (options.warmUpClassifier) warmUpClassifier();
    stopLiveClassifier = startLiveClassifier(ctx);
    ctx.health.start();
    if (clustered && (live || panels)) {
      tail = new FeedTail(ctx, handle.postgres!, { pollMs: options.cluster?.feedPollMs });
      await tail.start();
    }
    stopLeaderWork = runLeaderWork(ctx, leadership, {
      slaClock: options.slaClock,
      webhooks: options.webhooks,
      pruneFeed: clustered,
      incidentScan: options.incidentScan,
      classifierRetrain: options.classifierRetrain,
    });
    await leadership.start();
    const listen = whole?.realtime?.listen;
    if (http && listen) {
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(listen.port, listen.host, () => {
          http.off('error', reject);
          resolve();
        });
      });
      url = `http://${listen.host}:${(http.address() as AddressInfo).port}`;
    }
  };

  // Intake stops first and what is in flight finishes; then the background users of the database; the screens
  // stay live until then (their realtime and hubs go last), then the database itself.
  const close = (closeOptions: CloseOptions = {}): Promise<void> =>
    (closing ??= (async () => {
      if (drain) {
        drain.begin();
        await drain.settle(closeOptions.graceMs ?? DEFAULT_GRACE_MS);
      }
      // Handing the leadership back first lets another node take it at its next try, not after a timeout.
      await stopLeaderWork?.();
      stopLiveClassifier?.();
      await leadership.stop();
      const server = io;
      // Socket.IO closes the HTTP server it is attached to; a connection it leaves open must not hold the exit.
      if (server) await within(new Promise<void>((resolve) => server.close(() => resolve())), 1_000);
      http?.closeAllConnections();
      await tail?.stop();
      await live?.stop();
      await panels?.stop();
      incidentHub?.stop();
      await adapter?.close();
      if (running) unregisterApp(running);
      ctx.health.stop();
      await handle.close();
    })());

  const ensureHistory = async (): Promise<HistoryRepair> => {
    const history = await ensureRollupHistory(ctx);
    if (history !== 'none') ctx.log.info({ history }, 'week-ago history reconstructed');
    // The backfill's bursts: the same detector as the live scan, so past weeks have their incidents too.
    const past = await reconstructIncidents(ctx);
    if (past > 0) ctx.log.info({ incidents: past }, 'past incidents reconstructed');
    return history;
  };

  const base: DatabaseApp = { ctx, driver: handle.driver, leadership, start, ensureHistory, close };
  if (!live || !panels) return base;
  return {
    ...base,
    live,
    panels,
    get io() {
      return io;
    },
    get url() {
      return url;
    },
    reloadScreens,
    refuseNewRequests: () => drain?.begin(),
  };
}
