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
import { startSlaClock } from '../sla/advance-sla-clock';
import {
  startWebhookDispatcher,
  type WebhookDispatcher,
  type WebhookDispatcherOptions,
} from '../webhooks/dispatcher';
import { openContext } from './open-context';
import { writeErrorResponse } from '../server/write-error-response';

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
  /** start() builds the classifier's model, which is otherwise built by the first complaint that needs it. */
  warmUpClassifier?: boolean;
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
): void {
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!admit(req, res)) return;
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
  /** Sets the parts asked for going: realtime, hub timers, classifier, SLA clock, webhooks, then listens. */
  start(): Promise<void>;
  /**
   * Makes the week-ago comparisons answerable (see ensureRollupHistory). Not part of start(): the server runs
   * it after the simulator's backfill, which needs the server up already.
   */
  ensureHistory(): Promise<HistoryRepair>;
  /** Stops everything started, newest users of the database first, and closes the database last. Idempotent. */
  close(): Promise<void>;
}

export interface App extends DatabaseApp {
  live: LiveHub;
  panels: PanelHub;
  /** Socket.IO once start() attached it. */
  readonly io: RealtimeServer | null;
  /** `http://host:port` once start() listened (the real port when asked for port 0). */
  readonly url: string | null;
}

/**
 * Wires the app the one way the server, the scripts, the tests and the bench share: database and context, hubs,
 * registry, realtime, clocks and dispatchers, each part switched by its option. Nothing runs until start().
 * The simulator is not a part: production code never imports it, so the server starts it with `app.ctx`.
 */
export async function createApp(options: DatabaseAppOptions): Promise<DatabaseApp>;
export async function createApp(options: WholeAppOptions): Promise<App>;
export async function createApp(options: CreateAppOptions): Promise<DatabaseApp | App> {
  const { ctx, handle } = await openContext(options);
  const whole = options.hubs === false ? null : options;
  let live: LiveHub | null = null;
  let panels: PanelHub | null = null;
  let running: RunningApp | null = null;
  try {
    live = whole ? new LiveHub(ctx, whole.hubs?.live) : null;
    panels = whole ? new PanelHub(ctx, whole.hubs?.panels) : null;
    if (whole?.register && live && panels) {
      const { buildId, startedAt = new Date() } = whole.register;
      running = { ctx, live, panels, buildId, startedAt };
      registerApp(running);
    }
  } catch (error) {
    await Promise.all([live?.stop(), panels?.stop()]);
    await handle.close().catch(() => {});
    throw error;
  }
  const http = whole?.realtime ? (whole.realtime.server ?? createHttpServer(whole.realtime.timeouts)) : null;

  let io: RealtimeServer | null = null;
  let url: string | null = null;
  let stopSlaClock: (() => Promise<void>) | null = null;
  let webhooks: WebhookDispatcher | null = null;
  let started = false;
  let closing: Promise<void> | null = null;

  const start = async (): Promise<void> => {
    if (started) return;
    started = true;
    if (http && live && whole?.realtime) {
      const perimeter = createPerimeter(whole.realtime.perimeter);
      const realtime = createRealtime(http, {
        live,
        panels: panels ?? undefined,
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
        perimeter.admit,
        (req, res) => realtime.engine.handleRequest(req, res),
        whole.realtime.handle,
      );
    }
    if (live && whole?.hubs?.timers?.live !== false) live.start();
    if (panels && whole?.hubs?.timers?.panels !== false) panels.start();
    if (options.warmUpClassifier) warmUpClassifier();
    if (options.slaClock) {
      stopSlaClock = startSlaClock(ctx, options.slaClock === true ? undefined : options.slaClock.intervalMs);
    }
    if (options.webhooks) {
      webhooks = startWebhookDispatcher(ctx, options.webhooks === true ? {} : options.webhooks);
    }
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

  // What uses the database goes first (clock, outbox, hubs), then the sockets, then the database itself.
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await stopSlaClock?.();
      await webhooks?.stop();
      await live?.stop();
      await panels?.stop();
      const server = io;
      // Socket.IO closes the HTTP server it is attached to, the server's shared one included.
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
      if (running) unregisterApp(running);
      await handle.close();
    })());

  const ensureHistory = async (): Promise<HistoryRepair> => {
    const history = await ensureRollupHistory(ctx);
    if (history !== 'none') ctx.log.info({ history }, 'week-ago history reconstructed');
    return history;
  };

  const base: DatabaseApp = { ctx, driver: handle.driver, start, ensureHistory, close };
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
  };
}
