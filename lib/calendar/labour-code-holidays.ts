import { DAY_MS } from '../domain/time-units';
import { firstDayNumberOfYear, isWeekendDayNumber } from './calendar-day';

/*
 * The Labour Code's own calendar, for years the government has not decreed yet (ст. 112 ТК РФ).
 * Part 1 lists the non-working holidays; part 2 moves the day off of a holiday that falls on a Saturday or
 * Sunday to the next working day after it, except for the January holidays (1–8 Jan): those the government
 * moves at its discretion each year, which no rule can foresee, so the fallback leaves them on the weekend.
 */

/** [month (1–12), day] of the non-working holidays of ст. 112 ч. 1. */
const STATUTORY_HOLIDAYS: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 2],
  [1, 3],
  [1, 4],
  [1, 5],
  [1, 6],
  [1, 7], // Рождество Христово
  [1, 8],
  [2, 23], // День защитника Отечества
  [3, 8], // Международный женский день
  [5, 1], // Праздник Весны и Труда
  [5, 9], // День Победы
  [6, 12], // День России
  [11, 4], // День народного единства
];

const dayOfYear = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day) / DAY_MS - firstDayNumberOfYear(year);

/**
 * Offsets within the year (0 = 1 January) of every day off beyond ordinary weekends by the Labour Code alone:
 * the holidays, and the weekdays that take over the day off of a non-January holiday falling on a weekend.
 */
export function labourCodeDaysOff(year: number): number[] {
  const start = firstDayNumberOfYear(year);
  const off = new Set(STATUTORY_HOLIDAYS.map(([m, d]) => dayOfYear(year, m, d)));
  for (const [month, day] of STATUTORY_HOLIDAYS) {
    if (month === 1) continue;
    const holiday = dayOfYear(year, month, day);
    if (!isWeekendDayNumber(start + holiday)) continue;
    let moved = holiday + 1;
    // "The next working day after the holiday": skip weekends and days already off (another holiday or an
    // earlier move), so two weekend holidays never collapse onto one Monday.
    while (isWeekendDayNumber(start + moved) || off.has(moved)) moved++;
    off.add(moved);
  }
  return [...off].sort((a, b) => a - b);
}
