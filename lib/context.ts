import type { Logger } from 'pino';
import type { Db, Tx } from '../db/client';
import type { ReferenceCache } from './reference/types';
import type { MunicipalityLocator } from './geo/municipality-locator';
import type { PlaceFinder } from './geo/place-from-text';
import type { ChangeBus } from './commit/change-bus';
import type { WriteQueue } from './commit/write-queue';
import type { Revocations } from './identity/revocations';
import type { DatabaseHealth } from './health/database-health';

/** This node's hold on the leadership, as the writes that only the leader may make see it. */
export interface LeaderFence {
  /** Whether this node leads now (the single PGlite node always does). */
  readonly isLeader: boolean;
  /** Inside a transaction: throws NotLeaderError unless the fencing term is still this node's. */
  check(tx: Tx): Promise<void>;
}

/** Everything a write path or a query needs; built once by the server (or a test) and passed down. */
export interface AppContext {
  db: Db;
  reference: ReferenceCache;
  locator: MunicipalityLocator;
  /** Finds the municipality and town from place names in a message without coordinates. */
  places: PlaceFinder;
  /** Hears of every committed change, after the commit. */
  changes: ChangeBus;
  /** The single writer every write transaction goes through. */
  writer: WriteQueue;
  /** Hears of revoked credentials, so the live edge drops their connections. */
  revocations: Revocations;
  /** Whether the database answers: route() refuses at once with 503 while it is down; screens are told. */
  health: DatabaseHealth;
  log: Logger;
  /** This node's name (NODE_ID): logs, metrics, the change feed's rows. */
  nodeId: string;
  /** Leader-only writes check it (lib/cluster/leadership.ts). */
  leader: LeaderFence;
  /** The clock; tests pin it. */
  now: () => Date;
}
