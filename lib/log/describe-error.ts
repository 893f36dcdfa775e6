/** What may be logged of a failure: never its message's values, the SQL parameters or a row's detail. */
export interface ErrorSummary {
  class: string;
  /** SQLSTATE (`23514`) or a Node error code (`ECONNRESET`). */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** The database error's class under a wrapper (drizzle's `DrizzleQueryError` holds the driver's). */
  cause?: string;
  /** Where it was thrown: the stack without its first line, which repeats the message. */
  at?: string[];
}

type Loose = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const className = (error: unknown): string =>
  error instanceof Error ? error.constructor.name || error.name : typeof error;

/**
 * A thrown value reduced to what an operator needs to find the fault and nothing a resident wrote. Drizzle's
 * query errors carry the SQL and its parameters in their message (the complaint's text among them); the
 * drivers' errors carry the row in `detail`, the values in `parameters`/`params`, and sometimes quote a value
 * in the message («invalid input syntax for type integer: "…"»). Only class, code, constraint, table and
 * column names, and the stack frames are kept.
 */
export function describeError(error: unknown): ErrorSummary {
  const summary: ErrorSummary = { class: className(error) };
  // The innermost cause is the driver's error with the SQLSTATE; wrappers add nothing an operator needs.
  let inner: unknown = error;
  for (let depth = 0; depth < 5; depth += 1) {
    const cause = inner instanceof Error ? (inner as unknown as Loose).cause : undefined;
    if (cause === undefined || cause === null) break;
    inner = cause;
  }
  if (inner !== error) summary.cause = className(inner);
  const fields = (inner && typeof inner === 'object' ? inner : {}) as Loose;
  const code = text(fields.code);
  if (code) summary.code = code;
  const constraint = text(fields.constraint) ?? text(fields.constraint_name);
  if (constraint) summary.constraint = constraint;
  const table = text(fields.table) ?? text(fields.table_name);
  if (table) summary.table = table;
  const column = text(fields.column) ?? text(fields.column_name);
  if (column) summary.column = column;
  const stack = error instanceof Error ? error.stack : undefined;
  if (stack) {
    const frames = stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 8)
      .map((line) => line.trim());
    if (frames.length > 0) summary.at = frames;
  }
  return summary;
}
