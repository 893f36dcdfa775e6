import { parse } from 'csv-parse/sync';
import { CATEGORIES } from '../../db/seed/categories';
import { BLOCKS } from '../../db/seed/blocks';
import type { EvalSample } from './evaluate';

const BLOCK_OF: ReadonlyMap<string, string> = new Map(CATEGORIES.map((c) => [c.code, c.blockCode]));
const BLOCK_CODES: ReadonlySet<string> = new Set(BLOCKS.map((b) => b.code));
/** Labels that mean «no complaint / too vague» in a labelled file. */
const NONE_WORDS: ReadonlySet<string> = new Set(['', 'none', '__none__', '-']);

/**
 * Labelled messages from a CSV file whose header names a `text` column and a `category` or `block` column
 * (other columns are ignored). Quoted fields may hold commas, quotes and newlines; a byte-order mark and
 * `;` as the separator (a spreadsheet's Russian locale) are accepted. An unknown code is an error naming its
 * line, not a skipped row: a typo would silently measure nothing.
 */
export function parseLabelledCsv(csv: string): EvalSample[] {
  const firstLine = csv.slice(0, csv.search(/\r?\n|$/));
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows = parse(csv, {
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  }) as { record: Record<string, string | undefined>; info: { lines: number } }[];
  const first = rows[0]?.record ?? {};
  if (!('text' in first) || !('category' in first || 'block' in first)) {
    throw new Error('labelled CSV: the header must name a text column and a category or block column');
  }
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
