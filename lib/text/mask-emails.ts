/*
 * E-mail addresses, plain (ivanova@mail.ru) or spelt out to fool robots (ivanova (at) mail (dot) ru,
 * ivanova собака mail точка ru). A regex that starts an address at every letter and runs to the '@' is
 * quadratic on a long word without one, so this finds the cheap trigger first ('@', «собака», "(at)") and only
 * then reads the local part to the left and the domain to the right. Every character belongs to the left run
 * of at most one trigger (a run stops at the previous trigger's '@', bracket or space), and the domain is read
 * at most 255 characters far, so the whole scan is linear in the text.
 */

const EMAIL = '[e-mail]';

const AT_WORD = '(?:at|собака|собачка)';
const DOT_WORD = '(?:dot|точка)';
// The '@' itself, or the spelt-out forms: bracketed ("(at)", "[собака]") or between spaces (" at ").
const TRIGGER_RE = new RegExp(
  `@|\\s{0,2}[(\\[{<]\\s{0,2}${AT_WORD}\\s{0,2}[)\\]}>]\\s{0,2}|\\s{1,2}${AT_WORD}\\s{1,2}(?=[A-Za-z0-9])`,
  'giu',
);
// Sticky: tried only at the position the domain reader has reached.
const DOT_RE = new RegExp(
  `\\.|\\s{0,2}[(\\[{<]\\s{0,2}${DOT_WORD}\\s{0,2}[)\\]}>]\\s{0,2}|\\s{1,2}${DOT_WORD}\\s{1,2}`,
  'iuy',
);
const LABEL_RE = /[\p{L}\p{N}-]{1,63}/uy;
const ASCII_LABEL_RE = /[A-Za-z0-9-]{1,63}/y;
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const ASCII_LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const MAX_DOMAIN = 255;
/** A spelt-out address must end in a domain people use here, or «злая собака у подъезда» could qualify. */
const SPELT_TLDS = new Set(
  'ru рф su com net org info biz me io by kz ua uz am ge рус moscow online site pro edu gov mail'.split(' '),
);

/** The end of the domain that starts at `from`, or -1 when there is none (one dot at least, a letter TLD). */
function domainEnd(text: string, from: number, spelt: boolean): number {
  const label = spelt ? ASCII_LABEL_RE : LABEL_RE;
  let pos = from;
  let end = -1;
  let labels = 0;
  let tld = '';
  while (pos - from <= MAX_DOMAIN) {
    label.lastIndex = pos;
    const m = label.exec(text);
    if (!m) break;
    labels++;
    tld = m[0];
    pos += m[0].length;
    if (labels >= 2) end = pos;
    DOT_RE.lastIndex = pos;
    const dot = DOT_RE.exec(text);
    if (!dot) break;
    pos += dot[0].length;
  }
  if (end < 0) return -1;
  const top = tld.toLowerCase();
  const ok = spelt ? SPELT_TLDS.has(top) : /^\p{L}{2,}$/u.test(top);
  return ok ? end : -1;
}

/** The text with every e-mail address replaced by «[e-mail]». */
export function maskEmails(text: string): string {
  let out = '';
  let last = 0;
  TRIGGER_RE.lastIndex = 0;
  for (let m = TRIGGER_RE.exec(text); m; m = TRIGGER_RE.exec(text)) {
    const at = m.index;
    if (at < last) continue;
    const spelt = m[0] !== '@';
    const isLocal = spelt ? ASCII_LOCAL_CHAR : LOCAL_CHAR;
    let start = at;
    while (start > last && isLocal.test(text[start - 1]!)) start--;
    // A local part starts with a letter or digit; dots and dashes before it are punctuation.
    while (start < at && /[._%+-]/.test(text[start]!)) start++;
    if (start === at) continue;
    const end = domainEnd(text, at + m[0].length, spelt);
    if (end < 0) continue;
    out += text.slice(last, start) + EMAIL;
    last = end;
    TRIGGER_RE.lastIndex = end;
  }
  return out + text.slice(last);
}
