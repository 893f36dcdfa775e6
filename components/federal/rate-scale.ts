/**
 * The map's colour: the overdue share of a region's open backlog. Bins rather than a continuous ramp, so a
 * colour read from 5 m names a range the legend states; a region with nothing open is grey, not green.
 *
 * The ramp runs from a dark to a light blue and never through amber or red: those two are the wall's status
 * colours (components/ui/status-colors.ts). The table and the totals say warning and breach in words and in
 * those colours; the map says how much.
 */
export interface RateBin {
  /** Lower bound (inclusive), share 0–1. */
  from: number;
  label: string;
  color: string;
}

export const OVERDUE_BINS: readonly RateBin[] = [
  { from: 0, label: 'до 5%', color: '#1b3550' },
  { from: 0.05, label: '5–10%', color: '#1f5b86' },
  { from: 0.1, label: '10–15%', color: '#2f82b8' },
  { from: 0.15, label: '15–25%', color: '#5aa9dc' },
  { from: 0.25, label: '25% и выше', color: '#a5d8f5' },
];

export const NO_DATA_COLOR = '#334155';

/** From this share of overdue a region's backlog is a warning (amber), from the next a breach (red). */
const WARNING_SHARE = 0.15;
const BREACH_SHARE = 0.25;

export function overdueColor(share: number | null): string {
  if (share === null) return NO_DATA_COLOR;
  let color = OVERDUE_BINS[0]!.color;
  for (const bin of OVERDUE_BINS) if (share >= bin.from) color = bin.color;
  return color;
}

export type ShareTone = 'breach' | 'warning' | 'neutral';

/** The status an overdue share stands for: a quarter of the backlog late is a breach, 15 % a warning. */
export function overdueTone(share: number | null): ShareTone {
  if (share === null) return 'neutral';
  return share >= BREACH_SHARE ? 'breach' : share >= WARNING_SHARE ? 'warning' : 'neutral';
}

/** The text colour of a tone (the CSS tokens of app/globals.css). */
export const TONE_TEXT: Record<ShareTone, string> = {
  breach: 'text-breach',
  warning: 'text-warning',
  neutral: '',
};
