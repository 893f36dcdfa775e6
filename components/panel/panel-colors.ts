import { bisectRight, interpolateBlues, quantileSorted, rgb } from 'd3';
import type { TerritoryLoad } from '../../lib/panels/types';
import type { Rgba } from '../map/color-ramp';

/**
 * The per-capita choropleth runs from dark navy to pale blue: one hue, lightness only, so it reads the same
 * with any colour vision and stays clear of the amber that marks alarms and of the heat glow drawn above it.
 */
const RAMP_SPAN = 0.9;
/**
 * Quintiles of the ranked municipalities: each shade holds about a fifth of them, so the map separates the
 * loads whether they spread 0–25 with one outlier or bunch at 2–4, where a continuous scale goes flat.
 */
export const PER10K_CLASSES = 5;

function blueAt(t: number, alpha = 255): Rgba {
  const c = rgb(interpolateBlues(1 - RAMP_SPAN * Math.min(1, Math.max(0, t))));
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b), alpha];
}

const CLASS_COLORS: Rgba[] = Array.from({ length: PER10K_CLASSES }, (_, i) =>
  blueAt(i / (PER10K_CLASSES - 1)),
);
const NO_DATA: Rgba = [51, 56, 66, 255];

export interface Per10kScale {
  /** Class boundaries, lowest ranked value first and highest last (PER10K_CLASSES + 1 values); empty without data. */
  breaks: number[];
  /** Fill of a municipality; null (too few complaints to rank) is grey. */
  colorOf(per10k: number | null, alpha?: number): Rgba;
  /** CSS colour of each class, lowest first, for the legend. */
  classCss: string[];
}

export function per10kScale(territories: TerritoryLoad[]): Per10kScale {
  const values = territories
    .filter((t) => t.rank !== null)
    .map((t) => t.per10k)
    .sort((a, b) => a - b);
  const breaks =
    values.length === 0
      ? []
      : Array.from({ length: PER10K_CLASSES + 1 }, (_, i) => quantileSorted(values, i / PER10K_CLASSES) ?? 0);
  const inner = breaks.slice(1, -1);
  return {
    breaks,
    colorOf(per10k, alpha = 225) {
      const c = per10k === null || breaks.length === 0 ? NO_DATA : CLASS_COLORS[bisectRight(inner, per10k)]!;
      return [c[0], c[1], c[2], alpha];
    },
    classCss: CLASS_COLORS.map((c) => `rgb(${c[0]} ${c[1]} ${c[2]})`),
  };
}

export const NO_DATA_CSS = `rgb(${NO_DATA[0]} ${NO_DATA[1]} ${NO_DATA[2]})`;
