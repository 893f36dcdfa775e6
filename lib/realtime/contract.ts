/**
 * The one typed contract between the realtime server and wall clients.
 * Event names follow `entity:verb`. A client subscribes to a scope, receives a snapshot, then deltas whose
 * `seq` grows by exactly one; on a gap or a new `epoch` it subscribes again with its last seq.
 */
import type { BlockPanel } from '../panels/types';
import type { PackedCells } from './cell-vector';

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
  /** Resolved since midnight Europe/Moscow. */
  resolvedToday: number;
  /** The same numbers at the same moment a week earlier (see WeekAgoNumbers). */
  weekAgo: WeekAgoNumbers;
  /** ISO time the numbers were counted at. */
  asOf: string;
}

/**
 * Flows (today, last hour, resolved today) are counted over the same windows shifted back 7 days, exact to the
 * minute. The backlog (open, overdue) is read from the hourly backlog record of the same hour a week ago; null
 * where that hour was never recorded.
 */
export interface WeekAgoNumbers {
  today: number;
  lastHour: number;
  resolvedToday: number;
  open: number | null;
  overdue: number | null;
}

/** Open complaints per H3 cell (coarse resolution), the data of the hexagon and heat layers. */
export interface CellCount {
  h3: string;
  open: number;
  overdue: number;
}

/** A just-arrived complaint for the ticker and the pulse on the map. */
export interface RecentComplaint {
  id: number;
  /** The start of the text with personal data masked (lib/text/mask-personal-data.ts); plain text, never HTML. */
  excerpt: string;
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

export interface ServerToClientEvents {
  'wall:snapshot': (snapshot: WallSnapshot) => void;
  'wall:delta': (delta: WallDelta) => void;
  /** A block panel's whole payload: after a `panel: true` subscribe, then whenever it changes. */
  'panel:update': (panel: BlockPanel) => void;
}

export interface ClientToServerEvents {
  'wall:subscribe': (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  'wall:unsubscribe': (scopeKey: string) => void;
}

export const RECENT_LIMIT = 20;
export const RECENT_PER_DELTA = 5;
/** Coarse H3 resolution used by the region wall (≈ 36 km² hexagons). */
export const WALL_H3_RESOLUTION = 6;

export function scopeKeyOf(scope: WallScope): string {
  return `block=${scope.block ?? '*'};municipality=${scope.municipality ?? '*'}`;
}
