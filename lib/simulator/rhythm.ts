import { TZDate } from '@date-fns/tz';

const MOSCOW_TZ = 'Europe/Moscow';

/*
 * Relative intake by Moscow hour (index = hour 0..23). Nights are quiet; the morning peak comes as people reach
 * work (9–11), a second one in the evening at home (19–21). Weekends start later and are flatter.
 */
const WEEKDAY = [
  0.22, 0.15, 0.12, 0.11, 0.12, 0.2, 0.45, 0.9, 1.35, 1.6, 1.65, 1.55, 1.45, 1.4, 1.4, 1.35, 1.35, 1.4, 1.5,
  1.6, 1.55, 1.3, 0.9, 0.5,
];
const WEEKEND = [
  0.3, 0.2, 0.15, 0.12, 0.12, 0.14, 0.25, 0.5, 0.85, 1.15, 1.35, 1.45, 1.45, 1.4, 1.35, 1.3, 1.3, 1.35, 1.4,
  1.45, 1.4, 1.2, 0.85, 0.5,
];
/** Weekend days get ~15% fewer messages than weekdays. */
const WEEKEND_FACTOR = 0.85;

function normalized(profile: number[], scale: number): number[] {
  const mean = profile.reduce((a, b) => a + b, 0) / profile.length;
  return profile.map((v) => (v / mean) * scale);
}

// Scaled so that the mean over a whole week is exactly 1: `rate × rhythm` keeps the configured average rate.
const WEEKDAY_SCALE = 7 / (5 + 2 * WEEKEND_FACTOR);
const WEEKDAY_PROFILE = normalized(WEEKDAY, WEEKDAY_SCALE);
const WEEKEND_PROFILE = normalized(WEEKEND, WEEKDAY_SCALE * WEEKEND_FACTOR);

/** Moscow wall-clock day of week (0 = Sunday) and fractional hour. */
export function moscowClock(at: Date): { day: number; hour: number } {
  const local = new TZDate(at.getTime(), MOSCOW_TZ);
  return {
    day: local.getDay(),
    hour: local.getHours() + local.getMinutes() / 60 + local.getSeconds() / 3600,
  };
}

function profileValue(day: number, hour: number): number {
  const profile = day === 0 || day === 6 ? WEEKEND_PROFILE : WEEKDAY_PROFILE;
  return profile[((hour % 24) + 24) % 24] as number;
}

/**
 * Intake multiplier at a moment (weekly mean 1). Interpolates between hour midpoints so the rate has no steps
 * on the hour; across midnight it blends into the next day's profile.
 */
export function rhythm(at: Date): number {
  const { day, hour } = moscowClock(at);
  const position = hour - 0.5;
  const base = Math.floor(position);
  const fraction = position - base;
  const fromDay = base < 0 ? (day + 6) % 7 : day;
  const toDay = base + 1 > 23 ? (day + 1) % 7 : day;
  return profileValue(fromDay, base) * (1 - fraction) + profileValue(toDay, base + 1) * fraction;
}
