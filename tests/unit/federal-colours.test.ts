import { describe, expect, it } from 'vitest';
import { formatLastData } from '@/components/federal/format-federal';
import { NO_DATA_COLOR, OVERDUE_BINS, overdueTone } from '@/components/federal/rate-scale';
import { BASEMAP_COLORS } from '@/components/map/basemap-layers';

/** Hue in degrees and saturation 0–1 of a #rrggbb colour. */
function hueOf(hex: string): { hue: number; saturation: number } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const saturation = max === 0 ? 0 : d / max;
  if (d === 0) return { hue: 0, saturation };
  const hue = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { hue: (hue * 60 + 360) % 360, saturation };
}

/** Red and amber (orange to yellow) are the breach and warning colours: hues 330–360 and 0–60, saturated. */
function isStatusHue(hex: string): boolean {
  const { hue, saturation } = hueOf(hex);
  return saturation > 0.25 && (hue < 60 || hue > 330);
}

describe('the federal map and the base map use no status colour', () => {
  it('the overdue ramp has no red or amber bin, and grows lighter with the share', () => {
    expect(OVERDUE_BINS.filter((b) => isStatusHue(b.color))).toEqual([]);
    expect(isStatusHue(NO_DATA_COLOR)).toBe(false);
    const lightness = OVERDUE_BINS.map(
      (b) => parseInt(b.color.slice(1, 3), 16) + parseInt(b.color.slice(5, 7), 16),
    );
    expect([...lightness].sort((a, b) => a - b)).toEqual(lightness);
    // The check itself tells red and amber apart from blue.
    expect(isStatusHue('#dc2626')).toBe(true);
    expect(isStatusHue('#ca8a04')).toBe(true);
  });

  it('the base map (roads, water, towns) draws in greys and blues only', () => {
    expect(Object.entries(BASEMAP_COLORS).filter(([, c]) => isStatusHue(c))).toEqual([]);
  });

  it('the overdue share is a warning from 15 % and a breach from 25 %', () => {
    expect([null, 0, 0.149, 0.15, 0.249, 0.25, 1].map(overdueTone)).toEqual([
      'neutral',
      'neutral',
      'neutral',
      'warning',
      'warning',
      'breach',
      'breach',
    ]);
  });
});

describe('formatLastData', () => {
  it('always carries the Moscow date, so data from before midnight does not pass for today', () => {
    // 23:33 in Moscow on 6 December is 20:33 UTC.
    expect(formatLastData('2026-12-06T20:33:00Z')).toBe('06.12 23:33');
    // 00:05 in Moscow on 7 December is still 6 December in UTC.
    expect(formatLastData('2026-12-06T21:05:00Z')).toBe('07.12 00:05');
    expect(formatLastData(null)).toBe('нет');
  });
});
