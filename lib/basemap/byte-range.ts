/**
 * One byte range of an HTTP Range header (RFC 9110 §14.1.2), which is all a PMTiles reader asks for:
 * `bytes=a-b`, `bytes=a-` or `bytes=-n`. Several ranges in one request are not served (answered whole).
 */
export type RangeAnswer =
  { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

const ONE_RANGE = /^bytes=(\d*)-(\d*)$/;

export function parseByteRange(header: string | null, size: number): RangeAnswer {
  if (header === null) return { kind: 'whole' };
  const match = ONE_RANGE.exec(header.trim());
  // Another unit or a list of ranges: RFC 9110 lets the server ignore the header and send the whole.
  if (!match) return header.trim().startsWith('bytes=') && header.includes(',') ? { kind: 'whole' } : bad();
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return bad();
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return bad();
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || (to !== '' && Number(to) < start)) return bad();
  return { kind: 'part', start, end };
}

function bad(): RangeAnswer {
  return { kind: 'unsatisfiable' };
}
