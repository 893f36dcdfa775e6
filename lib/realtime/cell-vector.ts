/**
 * Open and overdue counts of every cell of the wall's cell index, packed as little-endian uint16: a wall update
 * has the same size whatever the ingest rate. Counts above 65,535 in one cell saturate (the colour scale tops
 * out long before; the counters come from the summary, not from here).
 */
export interface PackedCells {
  open: Uint8Array;
  overdue: Uint8Array;
}

export interface CellCountLike {
  h3: string;
  open: number;
  overdue: number;
}

const MAX = 0xffff;

function pack(values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i += 1) view.setUint16(i * 2, Math.min(values[i] ?? 0, MAX), true);
  return bytes;
}

/** Socket.IO hands binary over as a Buffer (Node) or an ArrayBuffer (browser). */
function unpack(data: ArrayBuffer | ArrayBufferView): Uint16Array {
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint16Array(bytes.byteLength / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = view.getUint16(i * 2, true);
  return out;
}

export function packCells(
  index: readonly string[],
  position: ReadonlyMap<string, number>,
  cells: Iterable<CellCountLike>,
): PackedCells {
  const open = new Uint16Array(index.length);
  const overdue = new Uint16Array(index.length);
  for (const cell of cells) {
    const i = position.get(cell.h3);
    if (i === undefined) continue;
    open[i] = Math.min(cell.open, MAX);
    overdue[i] = Math.min(cell.overdue, MAX);
  }
  return { open: pack(open), overdue: pack(overdue) };
}

/** The non-empty cells of a packed update, in index order. */
export function unpackCells(
  index: readonly string[],
  packed: { open: ArrayBuffer | ArrayBufferView; overdue: ArrayBuffer | ArrayBufferView },
): CellCountLike[] {
  const open = unpack(packed.open);
  const overdue = unpack(packed.overdue);
  const cells: CellCountLike[] = [];
  for (let i = 0; i < index.length && i < open.length; i += 1) {
    if ((open[i] ?? 0) > 0) cells.push({ h3: index[i]!, open: open[i]!, overdue: overdue[i] ?? 0 });
  }
  return cells;
}
