/*
 * Hides personal data (152-ФЗ) before a resident's text reaches the video wall, which anyone in the control room
 * (and on press photos of it) can read, and every other screen or endpoint outside the operators' own. The
 * rules live beside this file: e-mails (mask-emails.ts), numbers, dates of birth and flats (mask-numbers.ts),
 * names (mask-names.ts). Each pass is linear in the text: triggers are found first and every pattern is
 * bounded, so a 4,000-character text crafted to make a regex backtrack costs the same as an ordinary one.
 */
import { maskNames } from './mask-names';
import { maskNumbers } from './mask-numbers';

/**
 * The text with phones, e-mails, names, flat numbers, document, card and account numbers, dates of birth and
 * profile links replaced.
 */
export function maskPersonalData(text: string): string {
  return maskNames(maskNumbers(text));
}

/** Every rule's pattern spans far less than this: the head an excerpt is masked from ends this far past it. */
const EXCERPT_MARGIN = 400;

const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 0xa0;

/**
 * The head of `text` an excerpt of `maxChars` is drawn from: twice that many characters once runs of whitespace
 * count as one, then EXCERPT_MARGIN more (to the end of a word when one ends there). Masking only the head shows the
 * same excerpt as masking the whole text (tests/unit/mask-personal-data.test.ts compares them) and costs a fifth
 * of it for a 4,000-character message.
 */
function excerptHead(text: string, maxChars: number): string {
  const wanted = maxChars * 2;
  if (text.length <= wanted + EXCERPT_MARGIN) return text;
  let seen = 0;
  let inSpace = false;
  let end = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const space = isSpace(text.charCodeAt(i));
    if (!(space && inSpace)) seen += 1;
    inSpace = space;
    if (seen >= wanted) {
      end = i + 1 + EXCERPT_MARGIN;
      break;
    }
  }
  if (end >= text.length) return text;
  let cut = end;
  while (cut < Math.min(text.length, end + 100) && !isSpace(text.charCodeAt(cut))) cut += 1;
  // Never split a surrogate pair.
  if (cut < text.length && (text.charCodeAt(cut) & 0xfc00) === 0xdc00) cut -= 1;
  return text.slice(0, cut);
}

/** A single-line, masked excerpt of at most `maxChars` characters (code points), cut on a word boundary. */
export function excerptOf(text: string, maxChars = 160): string {
  if (maxChars < 1) return '';
  const source = excerptHead(text, maxChars);
  const flat = maskPersonalData(source).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= maxChars && source.length === text.length) return flat;
  const room = Math.max(0, maxChars - 1);
  const head = chars.slice(0, room + 1);
  // Prefer the last space that keeps the line within the limit; a single huge word is cut hard.
  let cut = head.lastIndexOf(' ');
  if (cut < room / 2) cut = room;
  const kept = chars
    .slice(0, cut)
    .join('')
    .replace(/[\s,;:—–-]+$/u, '');
  return `${kept}…`;
}
