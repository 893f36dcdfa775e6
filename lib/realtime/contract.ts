/**
 * The one typed contract between the realtime server and wall clients.
 * Event names follow `entity:verb`. A client subscribes to a scope, receives a snapshot, then deltas whose
 * `seq` grows by exactly one; on a gap or a new `epoch` it subscribes again with its last seq.
 */

export interface WallScope {
  /** Block code, or undefined for all blocks. */
  block?: string;
  /** Municipality OKTMO, or undefined for the whole region. */
  municipality?: string;
}

export interface SummaryNumbers {
  /** Received since midnight Europe/Moscow. */
  today: number;
  /** Received in the last 60 minutes. */
  lastHour: number;
  /** Waiting for the executor (new, routed, in progress, reopened). */
  open: number;
  /** Open and past the due time. */
  overdue: number;
  /** ISO time the numbers were counted at. */
  asOf: string;
}

/** Open complaints per H3 cell (coarse resolution), the data of the hexagon and heat layers. */
export interface CellCount {
  h3: string;
  open: number;
  overdue: number;
}

/** A just-arrived complaint for the ticker and the pulse on the map. Carries no text (no personal data). */
export interface RecentComplaint {
  id: number;
  receivedAt: string;
  block: string;
  category: string;
  municipality: string | null;
  lat: number | null;
  lon: number | null;
}

export interface WallSnapshot {
  scopeKey: string;
  scope: WallScope;
  /** Changes when the server restarts: a client seeing a new epoch must drop its state. */
  epoch: string;
  seq: number;
  summary: SummaryNumbers;
  cells: CellCount[];
  recent: RecentComplaint[];
}

export interface WallDelta {
  scopeKey: string;
  epoch: string;
  seq: number;
  /** Absolute numbers when they changed. */
  summary?: SummaryNumbers;
  /** Cells whose counts changed, absolute values; `open: 0` removes the cell. */
  cells?: CellCount[];
  /** Complaints that arrived since the previous delta, newest first, at most RECENT_LIMIT. */
  recent?: RecentComplaint[];
}

export interface SubscribeRequest {
  scope: WallScope;
  /** Present on reconnect: the server replays deltas after it, or sends a snapshot. */
  resume?: { epoch: string; seq: number };
}

export type SubscribeAck = { ok: true; scopeKey: string } | { ok: false; error: string };

export interface ServerToClientEvents {
  'wall:snapshot': (snapshot: WallSnapshot) => void;
  'wall:delta': (delta: WallDelta) => void;
}

export interface ClientToServerEvents {
  'wall:subscribe': (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  'wall:unsubscribe': (scopeKey: string) => void;
}

export const RECENT_LIMIT = 20;
/** Coarse H3 resolution used by the region wall (≈ 36 km² hexagons). */
export const WALL_H3_RESOLUTION = 6;

export function scopeKeyOf(scope: WallScope): string {
  return `block=${scope.block ?? '*'};municipality=${scope.municipality ?? '*'}`;
}
