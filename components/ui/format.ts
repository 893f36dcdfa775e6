/** Russian formatting for the wall; times are always Moscow time, whatever zone the wall PC is set to. */

const WALL_TIME_ZONE = 'Europe/Moscow';

const NUMBER_FORMAT = new Intl.NumberFormat('ru-RU');
const TIME_FORMAT = new Intl.DateTimeFormat('ru-RU', {
  timeZone: WALL_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const SHORT_TIME_FORMAT = new Intl.DateTimeFormat('ru-RU', {
  timeZone: WALL_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const DATE_FORMAT = new Intl.DateTimeFormat('ru-RU', {
  timeZone: WALL_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/** 12 345 with the narrow no-break space ru-RU uses, so a number never wraps. */
export function formatCount(n: number): string {
  return NUMBER_FORMAT.format(n);
}

export function formatTime(at: Date | number | string): string {
  return TIME_FORMAT.format(new Date(at));
}

export function formatShortTime(at: Date | number | string): string {
  return SHORT_TIME_FORMAT.format(new Date(at));
}

export function formatDate(at: Date | number): string {
  return DATE_FORMAT.format(new Date(at));
}
