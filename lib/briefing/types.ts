import type { WeekOption } from './week-label';

/**
 * The governor's weekly briefing as GET /api/v1/briefing returns it and the slides render it. Every figure comes
 * as this week's value and the same span of the week before; the change is worded on the client
 * (lib/stats/week-over-week.ts), so small bases read as counts, not as wild percentages.
 */

export interface Pair {
  current: number;
  previous: number;
}

/** A value that may be unknown (no hourly backlog record was taken at that hour). */
export interface NullablePair {
  current: number | null;
  previous: number | null;
}

export interface OnTime {
  /** Resolutions by an executor (the quality rollup's base). */
  resolved: number;
  resolvedOnTime: number;
  /** resolvedOnTime / resolved, null without resolutions. */
  share: number | null;
}

export interface BriefingWeekInfo {
  /** `2026-W47`. */
  id: string;
  /** «16–22 ноября 2026». */
  label: string;
  /** ISO instants; `end` is exclusive (the next Monday 00:00 Moscow, or the last whole hour of a week under way). */
  start: string;
  end: string;
  complete: boolean;
}

export interface BriefingHeadline {
  received: Pair;
  /** Transitions to resolved in the week. */
  resolved: Pair;
  /** Problems first reported in the week. */
  newProblems: Pair;
  /** Distinct problems the week's complaints belong to. */
  problemsTouched: Pair;
  onTime: { current: OnTime; previous: OnTime };
  /** Open and past the due time at the end of the span (the hourly backlog record; now for a week under way). */
  overdueAtEnd: NullablePair;
  openAtEnd: NullablePair;
  /** Reopened after a resolution (counted against the executor that resolved). */
  reopened: Pair;
}

export interface BlockWeek extends Pair {
  code: string;
  name: string;
  /** Rounded percent change, null on a base too small to be worth a percentage. */
  changePct: number | null;
}

export interface BriefingTensionPoint {
  kind: 'municipality' | 'cell';
  /** OKTMO or H3 index (resolution 6). */
  key: string;
  block: string;
  blockName: string;
  municipality: string | null;
  municipalityName: string;
  lat: number;
  lon: number;
  observed: number;
  /** The usual level of this week's span in the weeks before. */
  expected: number;
  ratio: number;
}

export interface BriefingTension {
  points: BriefingTensionPoint[];
  /** Previous weeks with data that the usual level was learnt from (at most 4). */
  baselineWeeks: number;
}

export interface MunicipalityWeek {
  oktmo: string;
  name: string;
  population: number;
  received: Pair;
  per10k: { current: number; previous: number };
  /** 1-based rank by per10k this week (highest first); null under the minimum count. */
  rank: number | null;
  onTimeShare: number | null;
  overdueAtEnd: number | null;
}

export interface BriefingMunicipalities {
  /** Fewest complaints in the week for a municipality to be ranked (small counts make per-capita noise). */
  minCount: number;
  /** All municipalities, ranked first (by per10k this week). */
  rows: MunicipalityWeek[];
  /** The highest load per 10,000 residents (ranked only). */
  lagging: string[];
  /** The largest fall of the load per 10,000 against the week before (both weeks at the minimum count). */
  improved: string[];
}

export interface BriefingProblem {
  id: number;
  category: string;
  categoryName: string;
  municipalityName: string;
  /** Complaints received in the week / in the week before. */
  current: number;
  previous: number;
  /** All complaints of the problem, and those still open now. */
  total: number;
  open: number;
  firstAt: string;
}

export interface BlockProblems {
  code: string;
  name: string;
  problems: BriefingProblem[];
}

export interface FixedExample {
  complaintId: number;
  at: string;
  blockName: string;
  categoryName: string;
  municipalityName: string;
  executorName: string;
  answer: string;
  photoCount: number;
  /** The first photo when it is a real-looking http(s) URL; null otherwise. */
  photoUrl: string | null;
  onTime: boolean;
}

export interface BriefingFixed {
  resolved: Pair;
  /** Resolutions of the week carrying at least one photo. */
  withPhotos: Pair;
  onTime: { current: OnTime; previous: OnTime };
  examples: FixedExample[];
}

export interface VoteItem {
  complaintId: number;
  at: string;
  blockName: string;
  categoryName: string;
  municipalityName: string;
  /** Masked excerpt of the complaint. */
  text: string;
  comment: string | null;
}

export interface BriefingVotes {
  count: Pair;
  items: VoteItem[];
}

export interface Briefing {
  week: BriefingWeekInfo;
  previousWeek: BriefingWeekInfo;
  /** When the figures were counted. */
  generatedAt: string;
  headline: BriefingHeadline;
  blocks: BlockWeek[];
  tension: BriefingTension;
  municipalities: BriefingMunicipalities;
  problems: BlockProblems[];
  fixed: BriefingFixed;
  votes: BriefingVotes;
  weeks: WeekOption[];
}
