import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { ReferenceCache } from '../reference/types';
import { scopeKeyOf, type ClientToServerEvents, type ServerToClientEvents, type WallScope } from './contract';
import type { LiveHub } from './live-hub';
import type { PanelHub } from './panel-hub';

export interface RealtimeDeps {
  live: LiveHub;
  /** Block panels; without it a `panel: true` subscribe gets the live scope only. */
  panels?: PanelHub;
  reference: ReferenceCache;
  log: Logger;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

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
  });
  const { live, panels, reference, log } = deps;
  const listeners = (room: string) => io.sockets.adapter.rooms.get(room)?.size ?? 0;

  live.hasListeners = (key) => listeners(key) > 0;
  live.onDelta((key, delta) => io.to(key).emit('wall:delta', delta));
  if (panels) {
    panels.hasListeners = (block) => listeners(panelRoom(block)) > 0;
    panels.onUpdate((block, panel) => io.to(panelRoom(block)).emit('panel:update', panel));
  }

  io.on('connection', (socket) => {
    socket.on('wall:subscribe', (request, ack) => {
      const reply = typeof ack === 'function' ? ack : () => {};
      const problem = scopeError(request?.scope, reference);
      if (problem) {
        reply({ ok: false, error: problem });
        return;
      }
      const { block, municipality } = request.scope as WallScope;
      const scope: WallScope = {};
      if (block) scope.block = block;
      if (municipality) scope.municipality = municipality;
      live
        .attach(scope, request.resume, {
          snapshot: (snapshot) => socket.emit('wall:snapshot', snapshot),
          delta: (delta) => socket.emit('wall:delta', delta),
          join: () => void socket.join(scopeKeyOf(scope)),
        })
        .then(async (scopeKey) => {
          // Joined before the current panel is read: an update racing it arrives too, and clients keep the
          // newest by its count time.
          if (request.panel === true && panels && scope.block && !scope.municipality) {
            await socket.join(panelRoom(scope.block));
            socket.emit('panel:update', await panels.get(scope.block));
          }
          reply({ ok: true, scopeKey });
        })
        .catch((error: unknown) => {
          log.error({ err: error }, 'wall subscribe failed');
          reply({ ok: false, error: 'internal error, retry' });
        });
    });
    socket.on('wall:unsubscribe', (scopeKey) => {
      if (typeof scopeKey === 'string') void socket.leave(scopeKey);
    });
  });
  return io;
}
