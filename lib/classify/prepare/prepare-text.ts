import { decodeHtmlText } from '../../text/decode-html-text';
import { BOILERPLATE, CONTACT_LINE, INLINE_NOISE, PLACE_NAMES } from './boilerplate';

/** A letter as the classifier reads it; the stored complaint keeps its original text. */
export interface PreparedText {
  /** Markup gone, boilerplate and contact lines dropped, whitespace, quotes and «ё» normalised. */
  text: string;
  /** The same, sentence by sentence, each with at least one word left after the boilerplate went. */
  sentences: string[];
}

const MARKUP = /<\/?[a-z][^<>]*>|&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z]{2,8});/i;
const HIDDEN_BLOCKS = /<(script|style|head)\b[^]*?<\/\1\s*>/gi;
const OPENING_BLOCK_TAG = /<\s*(?:p|div|li|tr|h\d)\b[^<>]*>/gi;

/*
 * A full stop after these does not end a sentence: «ул. Ленина», «г. Клин», «д. 5», «т. е.». Without the
 * list an address would be cut into fragments that each look like nothing.
 */
const ABBREVIATIONS = new Set(
  `ул д г кв корп стр пр пос п мкр с дер им обл р-н пр-т пер ш наб пл б-р тел т е др пр н в гг им тыс руб
  млн коп мин ч сек см м км кг ст пом эт под оф каб зам нач отд упр ген тов гр г-н г-жа ж-д`.split(/\s+/),
);

/** Plain text from what a channel delivered: web-page text is decoded, plain text passes untouched. */
function plainText(raw: string): string {
  if (!MARKUP.test(raw)) return raw;
  const withBreaks = raw.replace(HIDDEN_BLOCKS, ' ').replace(OPENING_BLOCK_TAG, '\n');
  return decodeHtmlText(withBreaks).text;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»„“”‟″]/g, '"')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/…/g, '...')
    .replace(/[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ')
    .replace(/\r\n?/g, '\n');
}

/** Splits a line into sentences at . ! ? followed by a space, except after a known abbreviation. */
function splitSentences(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  const end = /[.!?]+(?=\s|$)/g;
  for (let m = end.exec(line); m !== null; m = end.exec(line)) {
    const before = /([\p{L}-]+)$/u.exec(line.slice(start, m.index))?.[1] ?? '';
    if (m[0] === '.' && ABBREVIATIONS.has(before)) continue;
    out.push(line.slice(start, m.index + m[0].length));
    start = m.index + m[0].length;
  }
  out.push(line.slice(start));
  return out;
}

/*
 * A run-on message without full stops («у нас во дворе ... а ещё ... и вообще ...») is cut at commas into
 * pieces of at least PIECE_WORDS words, so that one clear clause can still decide it.
 */
const LONG_SENTENCE_WORDS = 30;
const PIECE_WORDS = 10;

function splitRunOn(sentence: string): string[] {
  if (sentence.split(' ').length <= LONG_SENTENCE_WORDS) return [sentence];
  const pieces: string[] = [];
  let current = '';
  for (const clause of sentence.split(/(?<=[,;:])\s+|\s+-\s+/)) {
    current = current === '' ? clause : `${current} ${clause}`;
    if (current.split(' ').length >= PIECE_WORDS) {
      pieces.push(current);
      current = '';
    }
  }
  if (current !== '') {
    if (pieces.length > 0 && current.split(' ').length < PIECE_WORDS / 2)
      pieces.push(`${pieces.pop()!} ${current}`);
    else pieces.push(current);
  }
  return pieces;
}

function stripBoilerplate(sentence: string): string {
  let s = sentence;
  for (const noise of INLINE_NOISE) s = s.replace(noise, ' ');
  for (const phrase of BOILERPLATE) s = s.replace(phrase, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** At least one word of two letters: «!!!», «1)», «—» are no sentence. */
const HAS_WORD = /\p{L}{2}/u;

/** Reads a letter the way the model should: no markup, no channel boilerplate, no contact lines. */
export function prepareText(raw: string): PreparedText {
  const sentences: string[] = [];
  for (const line of normalise(plainText(raw).replace(PLACE_NAMES, ' ')).split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || CONTACT_LINE.test(trimmed)) continue;
    for (const piece of splitSentences(trimmed)) {
      const kept = stripBoilerplate(piece);
      if (HAS_WORD.test(kept) && !CONTACT_LINE.test(kept)) sentences.push(...splitRunOn(kept));
    }
  }
  return { text: sentences.join(' '), sentences };
}
