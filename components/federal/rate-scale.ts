/**
 * The map's colour: the overdue share of a region's open backlog. Bins rather than a continuous ramp, so a
 * colour read from 5 m names a range the legend states; a region with nothing open is grey, not green.
 */
export interface RateBin {
  /** Lower bound (inclusive), share 0–1. */
  from: number;
  label: string;
  color: string;
}

export const OVERDUE_BINS: readonly RateBin[] = [
  { from: 0, label: 'до 5%', color: '#0f766e' },
  { from: 0.05, label: '5–10%', color: '#65a30d' },
  { from: 0.1, label: '10–15%', color: '#ca8a04' },
  { from: 0.15, label: '15–25%', color: '#ea580c' },
  { from: 0.25, label: '25% и выше', color: '#dc2626' },
];

export const NO_DATA_COLOR = '#334155';

export function overdueColor(share: number | null): string {
  if (share === null) return NO_DATA_COLOR;
  let color = OVERDUE_BINS[0]!.color;
  for (const bin of OVERDUE_BINS) if (share >= bin.from) color = bin.color;
  return color;
}

/** Whether a bin marks trouble (the legend and the table set those in the alarm colour). */
export const isAlarmShare = (share: number | null) => share !== null && share >= 0.15;
