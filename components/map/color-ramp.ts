import { interpolateInferno, rgb } from 'd3';

export type Rgba = [number, number, number, number];

/**
 * Inferno is perceptually uniform and colour-blind safe; brighter means more. Its darkest end is cut off
 * because near-black hexagons vanish on the dark wall.
 */
const RAMP_START = 0.22;
const RAMP_END = 0.98;
const RAMP_STEPS = 8;

function inferno(t: number, alpha = 255): Rgba {
  const c = rgb(interpolateInferno(RAMP_START + (RAMP_END - RAMP_START) * Math.min(1, Math.max(0, t))));
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b), alpha];
}

/** Discrete ramp for legends and the heat layer. */
export const COLOR_RANGE: Rgba[] = Array.from({ length: RAMP_STEPS }, (_, i) =>
  inferno(i / (RAMP_STEPS - 1)),
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
  if (max <= 1) return inferno(0.5, alpha);
  const t = Math.log(Math.max(1, open)) / Math.log(max);
  return inferno(t, alpha);
}
