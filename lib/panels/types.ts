import type { WeekOverWeek } from '../queries/get-week-over-week';
/**
 * The payload of a sector block's full-screen panel (`/wall/[block]`), apart from the live counts and cells that
 * come with every wall delta. It is recounted from the rollups at most every few seconds and always sent whole:
 * its size depends on the number of municipalities and list lengths, never on the ingest rate.
 */

/** Days the per-capita load and the ranking are counted over (ending now). */
export const TERRITORY_WINDOW_DAYS = 7;
/** A municipality with fewer complaints than this in the window is shown but not ranked. */
export const TERRITORY_MIN_COUNT = 10;
/** Days in each municipality's sparkline (the last one is today so far). */
export const SPARKLINE_DAYS = 14;
export const OVERDUE_LIST_LIMIT = 6;
export const TOP_CATEGORIES_LIMIT = 6;
export const TENSION_LIMIT = 6;
/** Hottest fine cells (H3 res 8) sent for the heat layer. */
export const HEAT_CELLS_LIMIT = 2_000;
export const HEAT_WINDOW_HOURS = 24;

export interface TerritoryLoad {
  oktmo: string;
  /** The block's complaints received in the last TERRITORY_WINDOW_DAYS days. */
  count: number;
  /** count per 10,000 residents. */
  per10k: number;
  /** 1-based rank by per10k (highest load first); null when count < TERRITORY_MIN_COUNT. */
  rank: number | null;
  /** Complaints per Moscow calendar day, oldest first; the last value is today so far. */
  daily: number[];
}

export type OverdueSeverity = 'late' | 'very_late';

export interface OverdueItem {
  id: number;
  category: string;
  municipality: string | null;
  /** Name of the responsible body under the routing rules. */
  executor: string;
  receivedAt: string;
  dueAt: string;
  severity: OverdueSeverity;
}

export interface OverduePart {
  late: number;
  /** Open past 3× the deadline. */
  veryLate: number;
  /** Open, on time now, due within the next 24 hours. */
  breachNext24h: number;
  /** The longest overdue, oldest due time first. */
  oldest: OverdueItem[];
}

export type { WeekOverWeek } from '../queries/get-week-over-week';

export interface TopCategory {
  category: string;
  thisWeek: number;
  /** Same span of last week. */
  lastWeek: number;
  changePct: number | null;
}

export type TensionKind = 'municipality' | 'cell';

export interface TensionPoint {
  kind: TensionKind;
  /** OKTMO for a municipality, H3 index (res 6) for a cell. */
  key: string;
  /** The municipality the point lies in (for a cell: the one holding its centre). */
  municipality: string | null;
  /** Complaints in the detection window (the current and the previous clock hour). */
  observed: number;
  /** What the same hours of the week brought on average in the previous weeks, scaled to the window. */
  expected: number;
  /** observed / expected. */
  ratio: number;
}

export interface HeatCell {
  /** H3 index at resolution 8. */
  h3: string;
  n: number;
}

/** Days the executors' and municipalities' on-time and reopen rates are counted over (today included). */
export const QUALITY_WINDOW_DAYS = 30;
export const EXECUTOR_LIST_LIMIT = 6;

/** Problems vs complaints: duplicates joined, 300 posts about one outage are one problem. */
export interface ProblemsPart {
  /** Problems first reported today (Moscow) and the complaints they gathered. */
  newToday: number;
  complaintsInNewToday: number;
  /** Problems open now and the open complaints they carry. */
  open: number;
  openComplaints: number;
}

export interface ExecutorPunctuality {
  code: string;
  /** Short name that fits a wall column. */
  name: string;
  resolved: number;
  /** Shares of the window's resolutions; null without resolutions. */
  onTimeRate: number | null;
  reopenRate: number | null;
  openNow: number;
  overdueNow: number;
}

export interface MunicipalityQuality {
  oktmo: string;
  resolved: number;
  onTimeRate: number | null;
  reopenRate: number | null;
}

export interface QualityPart {
  windowDays: number;
  /** The block's busiest executors (resolved in the window + open now). */
  executors: ExecutorPunctuality[];
  /** Every municipality with resolutions in the window. */
  municipalities: MunicipalityQuality[];
  /** The whole block over the window. */
  total: { resolved: number; onTimeRate: number | null; reopenRate: number | null };
}

export interface BlockPanel {
  block: string;
  /** ISO time the panel was counted at. */
  asOf: string;
  territories: TerritoryLoad[];
  overdue: OverduePart;
  week: WeekOverWeek;
  topCategories: TopCategory[];
  tension: TensionPoint[];
  /** The block's complaints of the last HEAT_WINDOW_HOURS hours per fine cell, hottest first. */
  heat: HeatCell[];
  problems: ProblemsPart;
  quality: QualityPart;
}
