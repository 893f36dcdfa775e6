/** Shapes of the federal view's API (`GET /api/v1/regions`, `GET /api/v1/regions/{code}`) and page. */

export interface FederalRegionRow {
  code: string;
  name: string;
  shortName: string;
  federalDistrict: string;
  capital: { name: string; lon: number; lat: number };
  home: boolean;
  /** Received today (Moscow day). */
  today: number;
  /** Received per day over the last 7 Moscow days, oldest first (the last is today so far). */
  trend: number[];
  /** Received over the 7 days. */
  week: number;
  open: number;
  overdue: number;
  /** overdue / open; null with nothing open. */
  overdueShare: number | null;
  /** Resolved over the 7 days, and the share resolved by the due time (null with none resolved). */
  resolvedWeek: number;
  onTimeShare: number | null;
  /** Newest complaint's time (ISO) or null when the center never sent any. */
  lastDataAt: string | null;
  /** Data arrived within FEDERAL_LIVE_MINUTES. */
  live: boolean;
}

export interface FederalTotals {
  regions: number;
  live: number;
  silent: number;
  today: number;
  week: number;
  open: number;
  overdue: number;
  overdueShare: number | null;
  resolvedWeek: number;
  onTimeShare: number | null;
}

export interface FederalOverview {
  asOf: string;
  homeRegion: string;
  liveWindowMinutes: number;
  /** Moscow dates of `trend`, oldest first. */
  days: string[];
  totals: FederalTotals;
  regions: FederalRegionRow[];
}

export interface FederalRegionDetail {
  asOf: string;
  region: FederalRegionRow;
  blocks: { code: string; name: string; today: number; week: number; open: number; overdue: number }[];
  latest: { id: number; receivedAt: string; block: string | null; status: string; excerpt: string }[];
}
