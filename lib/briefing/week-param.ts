import { z } from 'zod';
import type { FieldError } from '../domain/field-errors';
import { zodFieldErrors } from '../domain/field-errors';
import { checkWeekAllowed, defaultWeek, parseIsoWeek, type IsoWeek } from './week';

// Outside the per-request schema so its description (the OpenAPI document's) is registered once, not per request.
const WEEK = z
  .string()
  .trim()
  .optional()
  .meta({
    description:
      'ISO week (2026-W47), Monday 00:00 to Monday 00:00 Europe/Moscow; default the last complete week. The week under way is counted to its last whole hour; future weeks are refused.',
    examples: ['2026-W47'],
  });

/** `?week=2026-W47`; absent means the last complete week. Checked against the clock: no future weeks. */
export function briefingQuerySchema(now: Date) {
  return z.object({
    week: WEEK.transform((value, c): IsoWeek => {
      if (value === undefined || value === '') return defaultWeek(now);
      const parsed = parseIsoWeek(value);
      if (!parsed.ok) {
        c.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      const why = checkWeekAllowed(parsed.week, now);
      if (why) {
        c.addIssue({ code: 'custom', message: why });
        return z.NEVER;
      }
      return parsed.week;
    }),
  });
}

export type WeekParam = { ok: true; week: IsoWeek } | { ok: false; errors: FieldError[] };

/** The week a request asks for, or the field errors to answer 400 with (the page shows them as text). */
export function parseWeekParam(raw: Record<string, string | undefined>, now: Date): WeekParam {
  const input = { week: raw.week };
  const parsed = briefingQuerySchema(now).safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error, input) };
  return { ok: true, week: parsed.data.week };
}
