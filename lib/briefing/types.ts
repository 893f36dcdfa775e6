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

export type BriefingIncidentStatus = 'new' | 'acknowledged' | 'in_work' | 'closed';

/**
 * An incident of the week (table `incidents`: a burst of one category in one municipality), as the tension slide
 * lists it and as the problems slide's line for the same place and category carries it: the same object, so
 * the two slides cannot show two different counts.
 */
export interface BriefingIncident {
  /** `<OKTMO>|<category>`: the place and category; the problems slide's line has the same key. */
  key: string;
  id: number;
  block: string;
  blockName: string;
  category: string;
  categoryName: string;
  municipality: string;
  municipalityName: string;
  /** The town: «Краснознаменск». */
  place: string;
  lat: number;
  lon: number;
  /** When the burst began (ISO). */
  since: string;
  /** Complaints of the category in the municipality since the burst began. */
  complaints: number;
  /** The usual range for the same hours in previous weeks. */
  usualLow: number;
  usualHigh: number;
  status: BriefingIncidentStatus;
}

export interface BriefingTension {
  /** The incidents live at some point of the week, one per place and category, largest first. */
  incidents: BriefingIncident[];
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

/**
 * One line of a block's top problems: the week's complaints of one category in one municipality (two problems of
 * one kind in one town are one line). When the place and category had an incident in the week, `incident` is
 * that incident and the line shows its numbers.
 */
export interface BriefingProblem {
  /** `<OKTMO>|<category>` (`|<category>` for complaints without a place). */
  key: string;
  category: string;
  categoryName: string;
  municipality: string | null;
  municipalityName: string;
  /** Complaints received in the week / in the same span the week before. */
  current: number;
  previous: number;
  /** The week's complaints still open now. */
  open: number;
  /** Distinct problems (places on the ground) the week's complaints belong to. */
  problems: number;
  /** The week's first complaint (ISO). */
  firstAt: string;
  incident: BriefingIncident | null;
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
  /**
   * Photo proof, counted over the resolution events themselves (complaint_events.photo_urls): `withPhotos` of
   * `resolutions`. The write path refuses a resolution without a photo, so the share is 100 % by rule, not by
   * merit: the slide states the rule and shows the counts instead of a tile of «100 %».
   */
  resolutions: Pair;
  withPhotos: Pair;
  /** Resolutions the resident reopened: whether the fixes held. */
  reopened: Pair;
  onTime: { current: OnTime; previous: OnTime };
  examples: FixedExample[];
}

export interface VoteItem {
  complaintId: number;
  at: string;
  blockName: string;
  /** Category code (always a vote-eligible one). */
  category: string | null;
  categoryName: string;
  municipalityName: string;
  /** Masked excerpt of the complaint. */
  text: string;
  comment: string | null;
}

export interface BriefingVotes {
  /** Matters of a vote-eligible category (db/seed/categories.ts) put to the residents' vote. */
  count: Pair;
  items: VoteItem[];
  /** Matters of any other category put to a vote anyway: a breach, listed by category, never as a vote. */
  notEligible: { count: number; categories: { name: string; n: number }[] };
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
