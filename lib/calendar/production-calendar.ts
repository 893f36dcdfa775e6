import {
  firstDayNumberOfYear,
  isWeekendDayNumber,
  isoDateToDayNumber,
  yearOfDayNumber,
} from './calendar-day';
import { labourCodeDaysOff } from './labour-code-holidays';
import { RU_PRODUCTION_CALENDARS } from './ru-production-calendar-data';

/*
 * Working days of the Russian production calendar (five-day week). Each year is expanded once into one byte
 * per day, so a lookup is an array read; the last year used is kept at hand because deadline counting walks
 * consecutive days.
 */

interface YearDays {
  readonly start: number;
  readonly end: number;
  /** 1 = working day, index = day of the year. */
  readonly working: Uint8Array;
}

const years = new Map<number, YearDays>();
let recent: YearDays | undefined;

function buildYear(year: number): YearDays {
  const start = firstDayNumberOfYear(year);
  const end = firstDayNumberOfYear(year + 1) - 1;
  const working = new Uint8Array(end - start + 1);
  for (let i = 0; i < working.length; i++) working[i] = isWeekendDayNumber(start + i) ? 0 : 1;
  const decreed = RU_PRODUCTION_CALENDARS[year];
  if (decreed) {
    for (const date of decreed.daysOff) working[isoDateToDayNumber(date) - start] = 0;
    for (const date of decreed.workingWeekends) working[isoDateToDayNumber(date) - start] = 1;
  } else {
    for (const offset of labourCodeDaysOff(year)) working[offset] = 0;
  }
  return { start, end, working };
}

function yearDaysOf(day: number): YearDays {
  if (recent && day >= recent.start && day <= recent.end) return recent;
  const year = yearOfDayNumber(day);
  let found = years.get(year);
  if (!found) {
    found = buildYear(year);
    years.set(year, found);
  }
  recent = found;
  return found;
}

/**
 * Whether the calendar date with this day number (days since 1970-01-01, see calendar-day.ts) is a working
 * day. The hot-path form of isWorkingDay for code that already counts in day numbers.
 */
export function isWorkingDayNumber(day: number): boolean {
  const y = yearDaysOf(day);
  return y.working[day - y.start] === 1;
}

/**
 * Whether a calendar date ('YYYY-MM-DD', a Moscow date) is a working day: the decreed calendar for the years
 * in ru-production-calendar-data.ts, the Labour Code's rules otherwise (see calendarYearKnown).
 */
export function isWorkingDay(isoDate: string): boolean {
  return isWorkingDayNumber(isoDateToDayNumber(isoDate));
}

/** Whether the year's calendar is decreed; when not, working-day figures for it are an estimate. */
export function calendarYearKnown(year: number): boolean {
  return RU_PRODUCTION_CALENDARS[year] !== undefined;
}
