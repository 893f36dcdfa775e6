import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import type { Db } from '../../db/client';
import { can, type Actor } from '../domain/access';
import { authenticateSecret } from '../identity/authenticate';
import { credentialExpiresAt } from '../identity/credential-expiry';
import { findLapsedCredentials } from '../identity/find-lapsed-credentials';
import type { Revocations } from '../identity/revocations';
import type { ReferenceCache } from '../reference/types';
import {
  scopeKeyOf,
  type ClientToServerEvents,
  type ServerStatus,
  type ServerToClientEvents,
  type WallScope,
} from './contract';
import type { LiveHub } from './live-hub';
import type { PanelHub } from './panel-hub';
import { incidentsInScopes, type IncidentHub } from './incident-hub';
import type { Incident } from '../incidents/types';
import { describeError } from '../log/describe-error';
import { screensConnected } from '../metrics/registry';
import type { ClusterAdapter } from './cluster-adapter';
import type { AppContext } from '../context';

export interface RealtimeDeps {
  live: LiveHub;
  /** Block panels; without it a `panel: true` subscribe gets the live scope only. */
  panels?: PanelHub;
  reference: ReferenceCache;
  log: Logger;
  /** Checks a handshake (polling or WebSocket) before it is accepted: why not, or null (the Host and Origin). */
  refuse?: (req: IncomingMessage) => string | null;
  /** Live scopes one connection may hold at once (default 16): each watched scope is recounted on every change. */
  maxScopesPerSocket?: number;
  /** Who connects: the handshake's cookie or `auth.token`, looked up like an HTTP request's. */
  db: Db;
  now: () => Date;
  /** Revoked credentials: their sockets get `session:revoked` and are dropped at once. */
  revocations: Revocations;
  /** Several nodes: revocations and reloads reach the sockets of every node through it. */
  adapter?: ClusterAdapter['adapter'];
  /** This node's name, told to screens in `server:status`. */
  nodeId?: string;
  /** How often this node checks its sockets' credentials are still valid (default 10 s; 0: never). */
  credentialSweepMs?: number;
  /** Whether this node reaches the database (read when needed): screens are told on connect and on every change. */
  health?: () => Pick<AppContext['health'], 'up' | 'since' | 'onChange'>;
  /** Live incidents: each screen is sent those of its scopes (`incident:list`). */
  incidents?: IncidentHub;
}

interface SocketData {
  actor: Actor;
  expiresAt: Date | null;
  /** The scopes this socket subscribed to, for the incidents it is sent. */
  incidentScopes?: Map<string, WallScope>;
}

/** Node's timers take at most 2³¹−1 ms; a later expiry is re-checked then. */
const MAX_TIMER_MS = 2_147_483_647;

const credentialRoom = (id: number) => `credential:${id}`;

/**
 * The handshake's credential: the browser's session or display cookie, or `auth: { token }` (a bearer token,
 * for Node clients and scripts). Without one, or with a bad one, the connection is refused.
 */
function handshakeHeaders(socket: Socket): { authorization: string | null; cookie: string | null } {
  const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
  return {
    authorization: typeof token === 'string' && token.length > 0 ? `Bearer ${token}` : null,
    cookie: socket.request.headers.cookie ?? null,
  };
}

/** A wall screen watches one scope, a drill-down two or three; 16 leaves room and stops a client piling up. */
export const MAX_SCOPES_PER_SOCKET = 16;

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

function sendIncidents(socket: RealtimeSocket, list: readonly Incident[]): void {
  const scopes = socket.data.incidentScopes;
  if (scopes && scopes.size > 0) socket.emit('incident:list', incidentsInScopes(list, [...scopes.values()]));
}

function scopeError(scope: unknown, reference: ReferenceCache): string | null {
  if (scope === null || typeof scope !== 'object') return 'scope: must be an object';
  const { block, municipality } = scope as Record<string, unknown>;
  if (block !== undefined && (typeof block !== 'string' || !reference.blocks.has(block))) {
    return `scope.block: unknown block code ${JSON.stringify(block)}`;
  }
  if (
    municipality !== undefined &&
    (typeof municipality !== 'string' || !reference.municipalities.has(municipality))
  ) {
    return `scope.municipality: unknown OKTMO ${JSON.stringify(municipality)}`;
  }
  return null;
}

const panelRoom = (block: string) => `panel:${block}`;

/** Socket.IO on the app's HTTP server: wall clients subscribe to a scope and get a snapshot, then deltas. */
export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    // Wall screens sit on a LAN for days: detect dead links quickly, reconnect, resume.
    pingInterval: 10_000,
    pingTimeout: 10_000,
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
    allowRequest: (req, callback) => {
      const refusal = deps.refuse?.(req) ?? null;
      if (refusal) deps.log.warn({ refusal, address: req.socket.remoteAddress }, 'socket refused');
      callback(refusal, refusal === null);
    },
  });
  const { live, panels, reference, log } = deps;
  const maxScopes = deps.maxScopesPerSocket ?? MAX_SCOPES_PER_SOCKET;
  const listeners = (room: string) => io.sockets.adapter.rooms.get(room)?.size ?? 0;

  io.use((socket, next) => {
    // The client's address as the perimeter set it (lib/server/client-address.ts; the forwarded one from a
    // trusted balancer), else the socket's peer.
    const forwarded = socket.request.headers['x-cur-client-address'];
    const address = (typeof forwarded === 'string' && forwarded) || socket.handshake.address || null;
    authenticateSecret(deps.db, { ...handshakeHeaders(socket), address }, deps.now())
      .then(async ({ actor }) => {
        if (actor.kind === 'anonymous' || actor.kind === 'system') {
          next(new Error('unauthorized'));
          return;
        }
        socket.data.actor = actor;
        socket.data.expiresAt = await credentialExpiresAt(deps.db, actor.credentialId);
        next();
      })
      .catch((error: unknown) => {
        log.error({ err: describeError(error) }, 'socket authentication failed');
        next(new Error('unavailable'));
      });
  });

  // A session ending by time ends its live feed too, not only at the next reconnect.
  const expireAt = (socket: RealtimeSocket, expiresAt: Date) => {
    const wait = expiresAt.getTime() - deps.now().getTime();
    const timer = setTimeout(
      () => {
        if (wait > MAX_TIMER_MS) expireAt(socket, expiresAt);
        else {
          socket.emit('session:revoked');
          socket.disconnect(true);
        }
      },
      Math.max(0, Math.min(wait, MAX_TIMER_MS)),
    );
    timer.unref?.();
    socket.once('disconnect', () => clearTimeout(timer));
  };

  const dropCredentials = (
    ids: readonly number[],
    event: 'session:revoked' | 'session:changed',
    local = false,
  ) => {
    for (const id of ids) {
      const room = credentialRoom(id);
      (local ? io.local : io).to(room).emit(event);
      (local ? io.local : io).in(room).disconnectSockets(true);
    }
  };
  const stopRevocations = deps.revocations.on((ids) => dropCredentials(ids, 'session:revoked'));
  // A socket keeps the grant it connected with: told to reload, then dropped, the page comes back with the new one.
  const stopChanges = deps.revocations.onChange((ids) => dropCredentials(ids, 'session:changed'));
  // The announced revocations are instant; this sweep catches the rest (the admin CLI, another process).
  const sweepMs = deps.credentialSweepMs ?? 10_000;
  const sweep =
    sweepMs > 0
      ? setInterval(() => {
          const held = new Set<number>();
          for (const socket of io.sockets.sockets.values()) {
            const actor = socket.data.actor as Actor | undefined;
            if (actor && 'credentialId' in actor) held.add(actor.credentialId);
          }
          findLapsedCredentials(deps.db, [...held], deps.now())
            .then((lapsed) => dropCredentials(lapsed, 'session:revoked', true))
            .catch((error: unknown) => log.warn({ err: describeError(error) }, 'credential sweep failed'));
        }, sweepMs)
      : null;
  sweep?.unref();
  const status = (): ServerStatus => ({
    database: deps.health?.().up === false ? 'down' : 'ok',
    since: (deps.health?.().since ?? new Date()).toISOString(),
    node: deps.nodeId ?? 'local',
  });
  // This node's own view of its database: each node tells its own sockets.
  const stopHealth = deps.health?.().onChange(() => io.local.emit('server:status', status()));
  httpServer.once('close', () => {
    stopRevocations();
    stopChanges();
    stopHealth?.();
    if (sweep) clearInterval(sweep);
  });

  live.hasListeners = (key) => listeners(key) > 0;
  // Local: every node's hub tails the change feed and serves its own sockets; through the adapter each
  // screen would get every node's deltas.
  live.onDelta((key, delta) => io.local.to(key).emit('wall:delta', delta));
  if (deps.incidents) {
    const hub = deps.incidents;
    const stopIncidents = hub.onUpdate((list) => {
      for (const socket of io.sockets.sockets.values()) sendIncidents(socket, list);
    });
    httpServer.once('close', stopIncidents);
  }
  if (panels) {
    panels.hasListeners = (block) => listeners(panelRoom(block)) > 0;
    panels.onUpdate((block, panel) => io.local.to(panelRoom(block)).emit('panel:update', panel));
  }
  const countScreens = (key: string, by: 1 | -1) => screensConnected.inc({ scope: key || 'all' }, by);

  io.on('connection', (socket) => {
    const { actor, expiresAt } = socket.data;
    if (actor.kind !== 'anonymous' && actor.kind !== 'system')
      void socket.join(credentialRoom(actor.credentialId));
    if (expiresAt) expireAt(socket, expiresAt);
    socket.emit('server:status', status());
    // Counted when asked for, not when joined: a burst of subscribes cannot all pass before the first joins.
    const scopes = new Set<string>();
    socket.on('wall:subscribe', (request, ack) => {
      const reply = typeof ack === 'function' ? ack : () => {};
      // The snapshot needs the database: say so at once rather than after a connect timeout.
      if (deps.health?.().up === false) {
        reply({ ok: false, error: 'database unavailable, retry' });
        return;
      }
      const problem = scopeError(request?.scope, reference);
      if (problem) {
        reply({ ok: false, error: problem });
        return;
      }
      const { block, municipality } = request.scope as WallScope;
      const scope: WallScope = {};
      if (block) scope.block = block;
      if (municipality) scope.municipality = municipality;
      const decision = can(socket.data.actor, 'wall:read', { scope });
      if (!decision.ok) {
        reply({ ok: false, error: `forbidden: ${decision.reason}` });
        return;
      }
      const key = scopeKeyOf(scope);
      if (!scopes.has(key) && scopes.size >= maxScopes) {
        reply({
          ok: false,
          error: `too many scopes: at most ${maxScopes} per connection; unsubscribe one first`,
        });
        return;
      }
      if (!scopes.has(key)) countScreens(key, 1);
      scopes.add(key);
      live
        .attach(scope, request.resume, {
          snapshot: (snapshot) => socket.emit('wall:snapshot', snapshot),
          delta: (delta) => socket.emit('wall:delta', delta),
          join: () => void socket.join(scopeKeyOf(scope)),
        })
        .then(async (scopeKey) => {
          // Joined before the current panel is read: an update racing it arrives too, and clients keep the
          // newest by its count time.
          if (deps.incidents) {
            (socket.data.incidentScopes ??= new Map()).set(scopeKey, scope);
            sendIncidents(socket, await deps.incidents.current());
          }
          if (request.panel === true && panels && scope.block && !scope.municipality) {
            await socket.join(panelRoom(scope.block));
            socket.emit('panel:update', await panels.get(scope.block));
          }
          reply({ ok: true, scopeKey });
        })
        .catch((error: unknown) => {
          if (scopes.delete(key)) countScreens(key, -1);
          log.error({ err: describeError(error) }, 'wall subscribe failed');
          reply({ ok: false, error: 'internal error, retry' });
        });
    });
    socket.on('wall:unsubscribe', (scopeKey) => {
      if (typeof scopeKey !== 'string') return;
      if (scopes.delete(scopeKey)) countScreens(scopeKey, -1);
      socket.data.incidentScopes?.delete(scopeKey);
      void socket.leave(scopeKey);
    });
    socket.on('disconnect', () => {
      for (const key of scopes) countScreens(key, -1);
      scopes.clear();
    });
  });
  return io;
}
