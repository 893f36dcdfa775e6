import { HOUR_MS } from '../domain/time-units';
import { startOfMoscowDay } from '../domain/moscow-time';

/** Duty shifts change at 08:00 and 20:00 Moscow time, the usual twelve-hour watch of a control room. */
export const SHIFT_CHANGE_HOURS = [8, 20] as const;

export interface ShiftBounds {
  start: Date;
  end: Date;
}

/** The shift holding `now`: from the last change at or before it to the next. */
export function shiftOf(now: Date): ShiftBounds {
  const midnight = startOfMoscowDay(now).getTime();
  const changes = [-4, ...SHIFT_CHANGE_HOURS, 32].map((h) => midnight + h * HOUR_MS);
  let start = changes[0]!;
  let end = changes[1]!;
  for (let i = 0; i + 1 < changes.length; i += 1)
    if (changes[i]! <= now.getTime() && now.getTime() < changes[i + 1]!) {
      start = changes[i]!;
      end = changes[i + 1]!;
    }
  return { start: new Date(start), end: new Date(end) };
}
