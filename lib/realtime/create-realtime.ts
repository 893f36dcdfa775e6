import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { ReferenceCache } from '../reference/types';
import { scopeKeyOf, type ClientToServerEvents, type ServerToClientEvents, type WallScope } from './contract';
import type { LiveHub } from './live-hub';

export interface RealtimeDeps {
  live: LiveHub;
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

/** Socket.IO on the app's HTTP server: wall clients subscribe to a scope and get a snapshot, then deltas. */
export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    // Wall screens sit on a LAN for days: detect dead links quickly, reconnect, resume.
    pingInterval: 10_000,
    pingTimeout: 10_000,
  });
  const { live, reference, log } = deps;

  live.hasListeners = (key) => (io.sockets.adapter.rooms.get(key)?.size ?? 0) > 0;
  live.onDelta((key, delta) => io.to(key).emit('wall:delta', delta));

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
        .then((scopeKey) => reply({ ok: true, scopeKey }))
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
