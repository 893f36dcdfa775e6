/**
 * The one typed contract between the realtime server and wall clients.
 * Event names follow `entity:verb`. A client subscribes to a scope, receives a snapshot, then deltas whose
 * `seq` grows by exactly one; on a gap or a new `epoch` it subscribes again with its last seq.
 */
import type { BlockPanel } from '../panels/types';
import type { PackedCells } from './cell-vector';
import type { WallScope } from '../domain/scope';

import type { CellCount } from '../queries/get-open-cells';
import type { RecentComplaint } from '../queries/get-recent-complaints';
import type { SummaryNumbers } from '../queries/get-summary';
import type { Incident } from '../incidents/types';

export { scopeKeyOf, type WallScope } from '../domain/scope';
export type { CellCount } from '../queries/get-open-cells';
export type { RecentComplaint } from '../queries/get-recent-complaints';
export type { SummaryNumbers, WeekAgoNumbers } from '../queries/get-summary';
export type { Incident } from '../incidents/types';

export interface WallSnapshot {
  scopeKey: string;
  scope: WallScope;
  /** Changes when the server restarts: a client seeing a new epoch must drop its state. */
  epoch: string;
  seq: number;
  summary: SummaryNumbers;
  /** The ordered H3 cells that packed cell counts in deltas are aligned to. */
  cellIndex: string[];
  /** Non-empty cells now. */
  cells: CellCount[];
  /** The latest arrivals, newest first, at most RECENT_LIMIT. */
  recent: RecentComplaint[];
}

/**
 * A wall update. It carries the whole live state in a fixed-size form (numbers, packed counts of every cell,
 * the latest RECENT_PER_DELTA arrivals), so its size does not depend on how many complaints arrived since the
 * previous one: a burst of thousands a second costs a screen no more than a quiet night.
 */
export interface WallDelta {
  scopeKey: string;
  epoch: string;
  seq: number;
  summary: SummaryNumbers;
  cellVector: PackedCells;
  /** Present when the cell index grew (a cell outside the oblast's precomputed cover). */
  cellIndex?: string[];
  /** The latest arrivals in scope, newest first; may repeat ones sent before (clients dedupe by id). */
  recent: RecentComplaint[];
}

export interface SubscribeRequest {
  scope: WallScope;
  /** Also follow the block panel of `scope.block` (`panel:update`). */
  panel?: boolean;
  /** Present on reconnect: the server replays deltas after it, or sends a snapshot. */
  resume?: { epoch: string; seq: number };
}

export type SubscribeAck = { ok: true; scopeKey: string } | { ok: false; error: string };

/** Whether this node can reach the database; a screen keeps its last numbers and shows their age while down. */
export interface ServerStatus {
  database: 'ok' | 'down';
  /** ISO time this state began (for «нет связи с базой» with the age of the last numbers). */
  since: string;
  /** The node that answered: screens behind a balancer name it in diagnostics. */
  node: string;
}

export interface ServerToClientEvents {
  'wall:snapshot': (snapshot: WallSnapshot) => void;
  'wall:delta': (delta: WallDelta) => void;
  /** A block panel's whole payload: after a `panel: true` subscribe, then whenever it changes. */
  'panel:update': (panel: BlockPanel) => void;
  /** This connection's credential was revoked or expired; the server disconnects it right after. */
  'session:revoked': () => void;
  /** The credential still holds but what it shows changed (a display moved to another screen): reload it. */
  'session:changed': () => void;
  /** Sent on connect and whenever it changes. */
  'server:status': (status: ServerStatus) => void;
  /** An operator asked every screen to reload (a deploy): sent across all nodes. */
  'app:reload': () => void;
  /**
   * The live incidents of the screen's subscribed scopes, whole: after each subscribe and whenever one opens,
   * grows, is answered or closes. A `new` one sounds the alarm until somebody answers it.
   */
  'incident:list': (incidents: Incident[]) => void;
}

export interface ClientToServerEvents {
  'wall:subscribe': (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  'wall:unsubscribe': (scopeKey: string) => void;
}

export const RECENT_LIMIT = 20;
export const RECENT_PER_DELTA = 5;
