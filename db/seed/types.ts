/** Shapes of the reference data that is seeded idempotently at start-up (upsert by `code`). */

export interface BlockSeed {
  /** Stable code used by the API and URLs, e.g. `housing`. Never renamed once published. */
  code: string;
  /** Russian name as the center writes it, e.g. `ЖКХ`. */
  name: string;
  /** English name (second UI locale). */
  nameEn: string;
  sortOrder: number;
}

export interface SourceSeed {
  /** Stable code, e.g. `dobrodel`. */
  code: string;
  name: string;
  nameEn: string;
  sortOrder: number;
}

export type CategoryKind = 'operational' | 'resource';

export interface CategorySeed {
  /** Stable code `<block>.<slug>`, e.g. `housing.no-hot-water`. */
  code: string;
  blockCode: string;
  /** Russian name in the register's wording. */
  name: string;
  /** Regulated deadline for the executor's answer, in hours (operational 24–48, resource-intensive ≤ 192). */
  deadlineHours: number;
  /** Resource-intensive categories count their deadline in working days of the production calendar. */
  deadlineWorkingDays: number | null;
  kind: CategoryKind;
  /** Duplicate joining: a complaint within this many metres of an active problem of the category joins it… */
  duplicateRadiusM: number;
  /** …when that problem had a complaint within this many hours. */
  duplicateWindowHours: number;
}
