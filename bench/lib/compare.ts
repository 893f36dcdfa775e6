/**
 * Order-insensitive equality of two query answers: arrays are compared as multisets (sorted by their
 * canonical JSON), object keys in any order, `undefined` fields ignored. Returns null when equal, else the path
 * and both values of the first difference, to print next to a loud MISMATCH.
 */

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical).sort((a, b) => {
      const x = JSON.stringify(a);
      const y = JSON.stringify(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  // Counts may arrive as bigint strings from one path and numbers from the other: equal if the numbers are.
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (typeof value === 'bigint') return Number(value);
  return value;
}

function diff(a: unknown, b: unknown, path: string): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path || '<root>'}: ${a.length} items vs ${b.length} items`;
    for (let i = 0; i < a.length; i++) {
      const d = diff(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = diff(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
      );
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path || '<root>'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

export function firstDifference(rollup: unknown, raw: unknown): string | null {
  return diff(canonical(rollup), canonical(raw), '');
}
