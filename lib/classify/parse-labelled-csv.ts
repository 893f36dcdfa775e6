import { parse } from 'csv-parse/sync';
import { CATEGORIES } from '../../db/seed/categories';
import { BLOCKS } from '../../db/seed/blocks';
import type { EvalSample } from './evaluate';

const BLOCK_OF: ReadonlyMap<string, string> = new Map(CATEGORIES.map((c) => [c.code, c.blockCode]));
const BLOCK_CODES: ReadonlySet<string> = new Set(BLOCKS.map((b) => b.code));
/** Labels that mean «no complaint / too vague» in a labelled file. */
const NONE_WORDS: ReadonlySet<string> = new Set(['', 'none', '__none__', '-']);

/** One record of a labelled CSV with its line in the file, for errors that name it. */
export interface LabelledRecord {
  record: Record<string, string | undefined>;
  info: { lines: number };
}

/**
 * The records of a CSV file whose header names a `text` column and a `category` or `block` column (other
 * columns are ignored; headers are trimmed and lower-cased). Quoted fields may hold commas, quotes and
 * newlines; a byte-order mark and `;` as the separator (a spreadsheet's Russian locale) are accepted.
 * Throws when a non-empty file's header lacks those columns.
 */
export function readLabelledRecords(csv: string): LabelledRecord[] {
  const firstLine = csv.slice(0, csv.search(/\r?\n|$/));
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const records = parse(csv, {
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  }) as LabelledRecord[];
  const header = records[0]?.record ?? {};
  if (records.length > 0 && (!('text' in header) || !('category' in header || 'block' in header)))
    throw new Error('the header must name a text column and a category or block column');
  return records;
}

/**
 * Labelled messages from a CSV file (readLabelledRecords). An unknown code is an error naming its line, not a
 * skipped row: a typo would silently measure nothing.
 */
export function parseLabelledCsv(csv: string): EvalSample[] {
  let rows: LabelledRecord[];
  try {
    rows = readLabelledRecords(csv);
  } catch (error) {
    throw new Error(`labelled CSV: ${(error as Error).message}`, { cause: error });
  }
  if (rows.length === 0)
    throw new Error('labelled CSV: the header must name a text column and a category or block column');
  return rows.map(({ record, info }) => {
    const text = record.text ?? '';
    const category = (record.category ?? '').trim();
    const block = (record.block ?? '').trim();
    if (category !== '' && !NONE_WORDS.has(category)) {
      const blockOfCategory = BLOCK_OF.get(category);
      if (blockOfCategory === undefined)
        throw new Error(`labelled CSV line ${info.lines}: unknown category «${category}»`);
      if (block !== '' && block !== blockOfCategory) {
        throw new Error(`labelled CSV line ${info.lines}: category «${category}» is not of block «${block}»`);
      }
      return { text, block: blockOfCategory, category };
    }
    if (NONE_WORDS.has(block)) return { text, block: null, category: null };
    if (!BLOCK_CODES.has(block)) throw new Error(`labelled CSV line ${info.lines}: unknown block «${block}»`);
    return { text, block, category: null };
  });
}
