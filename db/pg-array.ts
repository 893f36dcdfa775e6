/**
 * A PostgreSQL array literal (`{"a",NULL,"b"}`) for `unnest($1::text[], …)` bulk statements. Serialising here
 * keeps one code path for both drivers: postgres.js behind drizzle does not serialise JS arrays itself.
 */
const NEEDS_ESCAPE = /["\\]/;

export function pgArray(values: readonly (string | number | null | undefined)[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
      return String(v);
    }
    return NEEDS_ESCAPE.test(v) ? `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${v}"`;
  });
  return `{${items.join(',')}}`;
}
