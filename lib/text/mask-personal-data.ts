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

/** A single-line, masked excerpt of at most `maxChars` characters (code points), cut on a word boundary. */
export function excerptOf(text: string, maxChars = 160): string {
  if (maxChars < 1) return '';
  const flat = maskPersonalData(text).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= maxChars) return flat;
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
