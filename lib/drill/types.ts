/**
 * The payload of a municipality drill-down (`/wall/[block]/m/[oktmo]`, `/m/[oktmo]`), apart from the live counts
 * and the newest complaints that come with the wall feed of the scope {block?, municipality}. Its size depends on
 * list lengths and the 7×24 grid, never on how many complaints the municipality has.
 */
import type { OverduePart, TopCategory, WeekOverWeek } from '../panels/types';

/** Days of the per-capita trend against the region (the last one is today so far). */
export const TREND_DAYS = 30;
/** Weeks the hour-of-week pattern sums over (whole hours ending with the current one). */
export const HOUR_OF_WEEK_WEEKS = 4;
/** Days the on-time share is counted over (as the panels' quality part). */
export const ON_TIME_WINDOW_DAYS = 30;
export const DRILL_OVERDUE_LIMIT = 12;
export const DRILL_EXECUTORS_LIMIT = 6;
export const DRILL_CATEGORIES_LIMIT = 6;
/** Single complaints sent for one map view at most; the map says when there were more. */
export const BBOX_COMPLAINTS_LIMIT = 1_000;
/** Fine (res 8) cells with open complaints sent at most. */
export const DRILL_CELLS_LIMIT = 3_000;

export interface DrillMunicipality {
  oktmo: string;
  name: string;
  shortName: string;
  population: number;
  center: { lat: number; lon: number };
}

export interface TrendDay {
  /** Moscow date, YYYY-MM-DD. */
  date: string;
  /** Complaints received that day in the municipality. */
  count: number;
  /** The municipality's complaints per 10,000 residents. */
  per10k: number;
  /** The region's (complaints placed in any municipality) per 10,000 residents of the oblast. */
  regionPer10k: number;
}

export interface MunicipalityTrend {
  days: TrendDay[];
  /** The window's totals per 10,000 residents, whole days and today so far. */
  per10k: number;
  regionPer10k: number;
  /** per10k / regionPer10k; null when the region had none. */
  ratio: number | null;
}

export interface HourOfWeek {
  weeks: number;
  /** counts[d][h]: complaints received on Moscow weekday d (0 = Monday) at hour h, summed over the weeks. */
  counts: number[][];
  total: number;
  max: number;
}

export interface OverdueExecutor {
  code: string;
  /** Short name that fits a wall column. */
  name: string;
  late: number;
  veryLate: number;
}

export interface MunicipalityOverdue extends OverduePart {
  /** Who holds the overdue complaints, most first. */
  executors: OverdueExecutor[];
}

export interface OnTimeShare {
  windowDays: number;
  resolved: number;
  /** Resolved by the due time, as a share of the window's resolutions; null without resolutions. */
  rate: number | null;
  /** The same for the whole region (same block), for comparison. */
  regionRate: number | null;
}

/** Open complaints per fine H3 cell (resolution 8). */
export interface FineCell {
  h3: string;
  open: number;
  overdue: number;
}

export interface DrillPayload {
  municipality: DrillMunicipality;
  /** Block code, or null for all blocks. */
  block: string | null;
  /** ISO time the payload was counted at. */
  asOf: string;
  trend: MunicipalityTrend;
  week: WeekOverWeek;
  hourOfWeek: HourOfWeek;
  overdue: MunicipalityOverdue;
  topCategories: TopCategory[];
  onTime: OnTimeShare;
  cells: FineCell[];
}

/** One complaint on the map at high zoom (the tooltip's content); the text only as a masked excerpt. */
export interface MapComplaint {
  id: number;
  lat: number;
  lon: number;
  receivedAt: string;
  dueAt: string;
  category: string;
  block: string;
  status: string;
  overdue: boolean;
  excerpt: string;
}

export interface BboxComplaints {
  bbox: [number, number, number, number];
  complaints: MapComplaint[];
  /** More open complaints lay in the box than were sent. */
  truncated: boolean;
}
