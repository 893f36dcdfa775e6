/**
 * The playback contract: what `GET /api/v1/playback` answers and what the wall's replay is computed from.
 * Everything is columnar and relative (offsets from one origin, indices into one list of cells), so a day of
 * complaints fits in a few hundred kilobytes.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS } from '../domain/time-units';

export const PLAYBACK_SPANS = ['24h', '7d'] as const;
export type PlaybackSpan = (typeof PLAYBACK_SPANS)[number];

export interface PlaybackScope {
  block?: string;
  municipality?: string;
}

export interface SpanSpec {
  /** How far back the replay starts. */
  lengthMs: number;
  /** The counters' grain: the clock the numbers are read at is floored to it, so they are exact. */
  stepMs: number;
  /** Playback milliseconds per real millisecond, slowest first; the middle one is the default. */
  speeds: readonly number[];
  /** The map shows what arrived in this window before the clock, fading with age. */
  trailMs: number;
  label: string;
}

export const SPAN_SPECS: Record<PlaybackSpan, SpanSpec> = {
  '24h': {
    lengthMs: DAY_MS,
    stepMs: MINUTE_MS,
    speeds: [60, 300, 900],
    trailMs: 2 * HOUR_MS,
    label: '24 ч',
  },
  '7d': {
    lengthMs: WEEK_MS,
    stepMs: HOUR_MS,
    speeds: [3_600, 10_800, 21_600],
    trailMs: 6 * HOUR_MS,
    label: '7 дней',
  },
};

export const DEFAULT_SPEED: Record<PlaybackSpan, number> = { '24h': 300, '7d': 10_800 };

/** At most this many single complaints in a 24-hour payload; above it every k-th is sent (see sampleEvery). */
export const POINTS_LIMIT = 40_000;
/** At most this many (hour, cell) counts in a 7-day payload: the busiest cells of each hour are kept. */
export const CELL_ENTRIES_LIMIT = 120_000;

/** Received and resolved per step, bucket i covering [from + i·step, from + (i+1)·step). */
export interface PlaybackSeries {
  from: string;
  stepMs: number;
  received: number[];
  resolved: number[];
}

/**
 * The open backlog at the start of each hour from `from` (rollup_open_hourly); null for hours the record was
 * not taken.
 */
export interface PlaybackBacklog {
  from: string;
  open: (number | null)[];
  overdue: (number | null)[];
  /** The part of `overdue` past three times its deadline (the panels' «очень поздно»). */
  veryLate: (number | null)[];
}

/** 24 hours: single complaints with coordinates, sorted by time. */
export interface PlaybackPoints {
  kind: 'points';
  /** Origin of `t`: the start of the map window (the replay's start minus the trail). */
  from: string;
  /** Seconds after `from`. */
  t: number[];
  lon: number[];
  lat: number[];
  /** Index into `cells`. */
  cell: number[];
  /** Index into `blocks`. */
  block: number[];
  blocks: string[];
  /** 1 when every located complaint is here; k when only every k-th (by id) is, to cap the payload. */
  sampleEvery: number;
}

/** 7 days: complaints per hour per H3 cell. */
export interface PlaybackCells {
  kind: 'cells';
  /** Start of hour 0 (the replay's start minus the trail). */
  from: string;
  /** Hour h's entries are cell[hourStart[h] .. hourStart[h + 1]) with their counts in n. */
  hourStart: number[];
  cell: number[];
  n: number[];
  /** True when some hours had more cells than CELL_ENTRIES_LIMIT allows and only their busiest were kept. */
  trimmed: boolean;
}

export interface PlaybackData {
  span: PlaybackSpan;
  scope: { block: string | null; municipality: string | null };
  /** The first and the last clock position (the last is now, floored to the step). */
  from: string;
  to: string;
  stepMs: number;
  asOf: string;
  series: PlaybackSeries;
  backlog: PlaybackBacklog;
  /** H3 resolution of `cells`: 6 for the region and the blocks, 8 inside one municipality. */
  resolution: number;
  cells: string[];
  map: PlaybackPoints | PlaybackCells;
}

/** The counters at a clock position; `at` is the clock floored to the step, the instant they are exact at. */
export interface PlaybackCounters {
  at: number;
  /** Received in [Moscow midnight of `at`, `at`). */
  today: number;
  /** Received in [`at` − 1 h, `at`). */
  lastHour: number;
  /** Transitions to resolved in [Moscow midnight of `at`, `at`). */
  resolvedToday: number;
  /** The backlog at the start of the hour of `at`; null where that hour was not recorded. */
  open: number | null;
  overdue: number | null;
  /** Of `overdue`, open past three times the deadline; the rest of it is late. */
  veryLate: number | null;
  /** The hour the backlog numbers are of. */
  backlogAt: number;
}
