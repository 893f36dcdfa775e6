/**
 * The Russian production calendar (производственный календарь, five-day week) as decreed, per year.
 *
 * Only the departures from "Monday to Friday works" are listed: the weekdays that are days off (holidays of
 * ст. 112 ТК РФ and the days off the government moved onto weekdays) and the weekends made working days. A
 * weekend holiday needs no entry: it is a day off anyway. The decree overrides the Labour Code's own rule that a
 * weekend holiday moves to the next working day (2025 moved 23 Feb and 8 Mar elsewhere), so a decreed year is
 * taken exactly as listed and never gets the statutory fallback on top.
 *
 * `workingDays` is the year's total from the official calendar; the tests recount it from the lists, which
 * catches a mistyped or missing date.
 */
export interface DecreedYear {
  /** The government decree (постановление) that set the year's transfers. */
  readonly decree: string;
  /** Monday–Friday dates that are not working days. */
  readonly daysOff: readonly string[];
  /** Saturdays or Sundays that are working days. */
  readonly workingWeekends: readonly string[];
  /** Working days in the year by the official calendar. */
  readonly workingDays: number;
}

export const RU_PRODUCTION_CALENDARS: Readonly<Record<number, DecreedYear>> = {
  // Transfers: Sun 1 Jan → Fri 24 Feb; Sun 8 Jan → Mon 8 May. 4 Nov (Sat) moves to Mon 6 Nov by ст. 112.
  2023: {
    decree: 'Постановление Правительства РФ от 29.08.2022 № 1505 «О переносе выходных дней в 2023 году»',
    daysOff: [
      '2023-01-02',
      '2023-01-03',
      '2023-01-04',
      '2023-01-05',
      '2023-01-06',
      '2023-02-23',
      '2023-02-24',
      '2023-03-08',
      '2023-05-01',
      '2023-05-08',
      '2023-05-09',
      '2023-06-12',
      '2023-11-06',
    ],
    workingWeekends: [],
    workingDays: 247,
  },
  // Transfers: Sat 6 Jan → Fri 10 May; Sun 7 Jan → Tue 31 Dec; Sat 27 Apr → Mon 29 Apr;
  // Sat 2 Nov → Tue 30 Apr; Sat 28 Dec → Mon 30 Dec (three working Saturdays).
  2024: {
    decree: 'Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»',
    daysOff: [
      '2024-01-01',
      '2024-01-02',
      '2024-01-03',
      '2024-01-04',
      '2024-01-05',
      '2024-01-08',
      '2024-02-23',
      '2024-03-08',
      '2024-04-29',
      '2024-04-30',
      '2024-05-01',
      '2024-05-09',
      '2024-05-10',
      '2024-06-12',
      '2024-11-04',
      '2024-12-30',
      '2024-12-31',
    ],
    workingWeekends: ['2024-04-27', '2024-11-02', '2024-12-28'],
    workingDays: 248,
  },
  // Transfers: Sat 4 Jan → Fri 2 May; Sun 5 Jan → Wed 31 Dec; Sun 23 Feb → Thu 8 May; Sat 8 Mar → Fri 13 Jun;
  // Sat 1 Nov → Mon 3 Nov. So Mon 24 Feb and Mon 10 Mar are working days despite ст. 112's own rule.
  2025: {
    decree: 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»',
    daysOff: [
      '2025-01-01',
      '2025-01-02',
      '2025-01-03',
      '2025-01-06',
      '2025-01-07',
      '2025-01-08',
      '2025-05-01',
      '2025-05-02',
      '2025-05-08',
      '2025-05-09',
      '2025-06-12',
      '2025-06-13',
      '2025-11-03',
      '2025-11-04',
      '2025-12-31',
    ],
    workingWeekends: ['2025-11-01'],
    workingDays: 247,
  },
  // Transfers: Sat 3 Jan → Fri 9 Jan; Sun 4 Jan → Thu 31 Dec. By ст. 112: 8 Mar (Sun) → Mon 9 Mar,
  // 9 May (Sat) → Mon 11 May.
  2026: {
    decree: 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»',
    daysOff: [
      '2026-01-01',
      '2026-01-02',
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-02-23',
      '2026-03-09',
      '2026-05-01',
      '2026-05-11',
      '2026-06-12',
      '2026-11-04',
      '2026-12-31',
    ],
    workingWeekends: [],
    workingDays: 247,
  },
  // 2027: no decree yet (the government adopts it in the autumn of the year before); the Labour Code fallback
  // applies and callers flag the figure as an estimate.
};
