import { BLOCKS } from '../../db/seed/blocks';
import { CATEGORIES } from '../../db/seed/categories';
import { classifierExamples } from '../../db/schema/classifier-examples';
import { readLabelledRecords } from '../classify/parse-labelled-csv';
import { NONE_LABEL } from '../classify/training-data';
import type { AppContext } from '../context';
import { actorRef, type Actor } from '../domain/access';
import { MAX_TEXT_CHARS } from '../domain/limits';
import { recordAudit } from '../identity/audit';

const BLOCK_OF: ReadonlyMap<string, string> = new Map(CATEGORIES.map((c) => [c.code, c.blockCode]));
const BLOCK_CODES: ReadonlySet<string> = new Set(BLOCKS.map((b) => b.code));
/** Labels that mean «no complaint» in a labelled file (the same words as the evaluation's CSV). */
const NONE_WORDS: ReadonlySet<string> = new Set(['none', '__none__', '-']);
const INSERT_BATCH = 500;

export interface ImportReport {
  imported: number;
  refused: { line: number; reason: string }[];
}

interface Row {
  text: string;
  label: string | null;
  blockCode: string | null;
}

function rowOf(record: Record<string, string | undefined>): Row | string {
  const text = (record.text ?? '').trim();
  const category = (record.category ?? '').trim();
  const block = (record.block ?? '').trim();
  if (text === '') return 'пустой текст';
  if (text.length > MAX_TEXT_CHARS) return `текст длиннее ${MAX_TEXT_CHARS} символов`;
  if (NONE_WORDS.has(category) || (category === '' && NONE_WORDS.has(block)))
    return { text, label: NONE_LABEL, blockCode: null };
  if (category !== '') {
    const of = BLOCK_OF.get(category);
    if (of === undefined) return `неизвестный код категории «${category}»`;
    if (block !== '' && block !== of) return `категория «${category}» не из блока «${block}»`;
    return { text, label: category, blockCode: of };
  }
  if (block === '') return 'нет ни категории, ни блока';
  if (!BLOCK_CODES.has(block)) return `неизвестный код блока «${block}»`;
  return { text, label: null, blockCode: block };
}

/**
 * A center's past years as labelled examples (origin `import`, attributed to the admin who ran it). The
 * header names a `text` column and a `category` or `block` column; `;` as the separator and a byte-order mark
 * are accepted (a spreadsheet's Russian locale). A bad row is refused with its line and why; the good ones
 * are stored in one transaction. Imports are never held out: the slice that judges a version is decisions.
 */
export async function importLabelled(ctx: AppContext, csv: string, actor: Actor): Promise<ImportReport> {
  const records = readLabelledRecords(csv);
  const refused: ImportReport['refused'] = [];
  const rows: Row[] = [];
  for (const { record, info } of records) {
    const row = rowOf(record);
    if (typeof row === 'string') refused.push({ line: info.lines, reason: row });
    else rows.push(row);
  }
  const now = ctx.now();
  const createdBy = actorRef(actor);
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await tx.insert(classifierExamples).values(
        rows.slice(i, i + INSERT_BATCH).map((r) => ({
          text: r.text,
          label: r.label,
          blockCode: r.blockCode,
          origin: 'import' as const,
          createdAt: now,
          createdBy,
        })),
      );
    }
    await recordAudit(tx, {
      actor,
      action: 'classifier_examples_imported',
      target: 'classifier',
      detail: { imported: rows.length, refused: refused.length },
    });
  });
  return { imported: rows.length, refused };
}
