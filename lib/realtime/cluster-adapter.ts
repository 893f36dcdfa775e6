import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Logger } from 'pino';
import { describeError } from '../log/describe-error';

export interface ClusterAdapter {
  adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

/**
 * Socket.IO's PostgreSQL adapter (NOTIFY between nodes, large payloads in `socket_io_attachments`), for what
 * must reach every node: a revoked credential's sockets are dropped wherever they are, a reload reaches every
 * screen. Live deltas do not go through it: each node's hub emits to its own sockets only (`io.local`).
 */
export function createClusterAdapter(databaseUrl: string, log: Logger): ClusterAdapter {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 2000 });
  pool.on('error', (error) => log.warn({ err: describeError(error) }, 'socket adapter connection failed'));
  const adapter = createAdapter(pool, {
    errorHandler: (error) => log.warn({ err: describeError(error) }, 'socket adapter failed'),
    // Nodes that stop answering are forgotten quickly, so a cross-node request does not wait for them.
    heartbeatInterval: 2_000,
    heartbeatTimeout: 6_000,
  });
  return { adapter, close: () => pool.end().catch(() => {}) };
}
