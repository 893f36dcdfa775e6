import type { PlaceRow } from './place-csv';
import { DISTRICT_ADJECTIVES } from './place-district-names';
import { surfaceForms } from './place-forms';
import { adjectiveWord } from './place-paradigms';
import { districtAdjectiveRules, type FormRules, formRules } from './place-policy';

/** One gazetteer row reachable through a surface form, with the rules that form must pass. */
export interface FormTarget {
  row: PlaceRow;
  rules: FormRules;
}

/** A surface form as a token sequence; several rows can share it («Ильинского»: Ильинский, Ильинское). */
export interface IndexedForm {
  tokens: string[];
  targets: FormTarget[];
}

/** Surface forms keyed by their first token, longest first, so a scan tries «Малой Дубне» before «Дубне». */
export type PlaceIndex = ReadonlyMap<string, readonly IndexedForm[]>;

function addForm(forms: Map<string, IndexedForm>, key: string, target: FormTarget): void {
  let form = forms.get(key);
  if (!form) {
    form = { tokens: key.split(' '), targets: [] };
    forms.set(key, form);
  }
  // The same row can reach one key twice (a colloquial and a literary spelling that coincide).
  if (!form.targets.some((t) => t.row === target.row)) form.targets.push(target);
}

/** District adjectives in the masculine («район», «округ» are masculine), hyphenated ones split like names. */
function districtKeys(lemma: string): string[] {
  const parts = lemma.split('-');
  const last = parts.pop() ?? '';
  const prefix = parts.length > 0 ? `${parts.join(' ')} ` : '';
  return [...new Set(adjectiveWord(last).flat())].map((form) => prefix + form);
}

export function buildPlaceIndex(rows: readonly PlaceRow[]): PlaceIndex {
  const forms = new Map<string, IndexedForm>();
  for (const row of rows) {
    for (const form of surfaceForms(row.nameNorm))
      addForm(forms, form.key, { row, rules: formRules(row, form) });
  }
  const municipalities = new Map(rows.filter((r) => r.kind === 'municipality').map((r) => [r.name, r]));
  for (const [lemma, okrug] of Object.entries(DISTRICT_ADJECTIVES)) {
    const row = municipalities.get(okrug);
    if (!row) continue;
    for (const key of districtKeys(lemma)) addForm(forms, key, { row, rules: districtAdjectiveRules() });
  }
  const index = new Map<string, IndexedForm[]>();
  for (const form of forms.values()) {
    const first = form.tokens[0] ?? '';
    const list = index.get(first) ?? [];
    list.push(form);
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}
