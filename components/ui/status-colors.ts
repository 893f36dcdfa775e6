/**
 * The wall's one colour code, for what CSS cannot reach (deck.gl layers, SVG fills). The same values are the
 * CSS tokens in app/globals.css (--breach, --warning, --replay): change both together.
 *
 * - red: a breach — very late, an incident;
 * - amber: a warning — late, due within 24 hours;
 * - neutral: everything else, including «worse than last week» (a direction, told by its arrow and word);
 * - violet: the replay's frame, which is a mode of the screen, not a status.
 *
 * Density ramps (components/map/color-ramp.ts, panel-colors.ts) stay in blues and cyans, clear of both.
 */
export type Rgb = [number, number, number];

export const BREACH_RGB: Rgb = [248, 113, 113];
export const WARNING_RGB: Rgb = [251, 191, 36];
export type StatusTone = 'breach' | 'warning' | 'neutral';
