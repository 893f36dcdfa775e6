/** Lower case with ё → е: the gazetteer's `name_norm` convention, applied to text and to generated forms. */
export function normalizeRu(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

export interface TextToken {
  /** normalizeRu of the token's characters. */
  norm: string;
  start: number;
  end: number;
  /** The first character is an upper-case letter. */
  capital: boolean;
  /** Capitalised and not shouted: «Яме», not «ЯМЕ». */
  titleCase: boolean;
  /** The characters between the previous token and this one ('' for the first). */
  sepBefore: string;
}

/** Letters and digits; a hyphen splits, so «Орехово-Зуево» and «Орехово Зуево» give the same token pair. */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Abbreviations written with dots or hyphens that are one word for our rules: «г.о.», «р-н», «м.о.», «пр-т»,
 * «п.г.т.». Only these are glued, so «с.Ям» stays «с» + «ям».
 */
const GLUED = new Set(['го', 'рн', 'мо', 'прт', 'бр', 'пгт', 'рп', 'сп', 'мр']);

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const sepBefore = text.slice(prevEnd, start);
    prevEnd = end;
    const prev = tokens.at(-1);
    const norm = normalizeRu(raw);
    if (prev && (sepBefore === '.' || sepBefore === '-') && GLUED.has(prev.norm + norm)) {
      prev.norm += norm;
      prev.end = end;
      continue;
    }
    const capital = isUpper(raw[0]);
    tokens.push({
      norm,
      start,
      end,
      capital,
      titleCase: capital && (raw.length === 1 || raw.slice(1) !== raw.slice(1).toUpperCase()),
      sepBefore,
    });
  }
  return tokens;
}

/** A set from a comma-separated list: long vocabularies stay readable, one screen instead of one word a line. */
export function phraseSet(list: string): ReadonlySet<string> {
  return new Set(
    list
      .split(',')
      .map((p) => p.trim().replace(/\s+/g, ' '))
      .filter((p) => p !== ''),
  );
}
