import { interpolateRgbBasis, rgb } from 'd3';

export type Rgba = [number, number, number, number];

/**
 * Deep blue → cyan → white: brighter means more, and no stop comes near the red and amber that mean a breach
 * and a warning on every screen (components/ui/status-colors.ts). A density is never an alarm. The dark end is
 * still a visible blue, because near-black hexagons vanish on the dark wall.
 */
const RAMP_STOPS = ['#1d3f8f', '#1f6fd1', '#22a6e0', '#4fd6ec', '#a5f0f7', '#f4fdff'];
const RAMP_STEPS = 8;
const ramp = interpolateRgbBasis(RAMP_STOPS);

function blueCyan(t: number, alpha = 255): Rgba {
  const c = rgb(ramp(Math.min(1, Math.max(0, t))));
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b), alpha];
}

/** Discrete ramp for legends and the heat layer. */
export const COLOR_RANGE: Rgba[] = Array.from({ length: RAMP_STEPS }, (_, i) =>
  blueCyan(i / (RAMP_STEPS - 1)),
);

/** The heat layer fades in from transparent so it reads as a glow, not a carpet. */
export const HEAT_COLOR_RANGE: Rgba[] = COLOR_RANGE.map((c, i) => [
  c[0],
  c[1],
  c[2],
  Math.round(255 * Math.min(1, 0.15 + i / (RAMP_STEPS - 2))),
]);

/** CSS gradient of the same ramp for the legend. */
export const COLOR_RANGE_CSS = `linear-gradient(to right, ${COLOR_RANGE.map((c) => `rgb(${c[0]} ${c[1]} ${c[2]})`).join(', ')})`;

/**
 * Colour of a cell with `open` complaints when the busiest cell has `max`. Log scale: counts are heavily
 * skewed (a city cell has a hundred, a village cell one) and a linear ramp would paint almost all dark.
 */
export function colorForCount(open: number, max: number, alpha = 235): Rgba {
  if (max <= 1) return blueCyan(0.5, alpha);
  const t = Math.log(Math.max(1, open)) / Math.log(max);
  return blueCyan(t, alpha);
}
