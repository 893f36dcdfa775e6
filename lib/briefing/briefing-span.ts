import { sql, type SQL } from 'drizzle-orm';

/** A half-open time span [start, end) a briefing query counts over (a week, or a week under way). */
export interface Span {
  start: Date;
  end: Date;
}

/** The briefing's two spans: the week and the same span a week earlier (which always ends before it starts). */
export interface SpanPair {
  current: Span;
  previous: Span;
}

export const isoParam = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** `column` within the span, as an SQL condition. */
export function inSpan(column: SQL | unknown, span: Span): SQL {
  return sql`${column} >= ${isoParam(span.start)} and ${column} < ${isoParam(span.end)}`;
}

/** The whole range both spans lie in: one index range read serves both. */
export function coveringRange(column: SQL | unknown, spans: SpanPair): SQL {
  return inSpan(column, { start: spans.previous.start, end: spans.current.end });
}

/** A timestamp column of a raw row: PGlite gives a Date, postgres.js a string. */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}
