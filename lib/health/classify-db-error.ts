/**
 * What a database failure says about the database: `unavailable` (no connection can be had or kept: the
 * server is down, restarting, unreachable or refusing connections), `timeout` (a statement ran past
 * statement_timeout, the server itself is fine), or `other` (a constraint, a bug: nothing to do with health).
 */
export type DbErrorKind = 'unavailable' | 'timeout' | 'other';

/** Node socket errors and postgres.js's own connection errors (its `code`), and PGlite once closed. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  // db/client.ts: the probe's own deadline.
  'PING_TIMEOUT',
  // lib/health: refused without trying while the database is known to be down.
  'DATABASE_UNAVAILABLE',
]);

/**
 * SQLSTATEs of a server going away or not yet there: 57P01 admin_shutdown, 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up, shutting down, in recovery), 53300 too_many_connections; the whole
 * class 08 (connection exception).
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const TIMEOUT_STATES = new Set(['57014']);

type Loose = { code?: unknown; cause?: unknown; errors?: unknown; message?: unknown };

/** The errors a thrown value wraps (drizzle's DrizzleQueryError holds the driver's in `cause`). */
function* chain(error: unknown, depth = 0): Generator<Loose> {
  if (depth > 6 || error === null || typeof error !== 'object') return;
  const loose = error as Loose;
  yield loose;
  if (Array.isArray(loose.errors)) for (const inner of loose.errors) yield* chain(inner, depth + 1);
  if (loose.cause !== undefined) yield* chain(loose.cause, depth + 1);
}

export function classifyDbError(error: unknown): DbErrorKind {
  let kind: DbErrorKind = 'other';
  for (const e of chain(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
      return 'unavailable';
    // PGlite after close() throws a plain Error without a code.
    if (typeof e.message === 'string' && /^PGlite is closed/i.test(e.message)) return 'unavailable';
    if (TIMEOUT_STATES.has(code)) kind = 'timeout';
  }
  return kind;
}

/** Thrown instead of trying the database while it is known to be down; route() answers it with 503. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(readonly since: Date) {
    super('the database is unavailable');
  }
}
