/** Shared pieces of the masking rules: word edges, the look back, and the replace loop. */

// \b is ASCII-only in JavaScript, so word edges are spelt out for Cyrillic.
export const L = '(?<![\\p{L}\\p{N}])';
export const R = '(?![\\p{L}\\p{N}])';

/** The 40 characters before `index`: every look back of a rule reads this much and no more. */
export const before = (text: string, index: number): string => text.slice(Math.max(0, index - 40), index);

/**
 * Replaces what `decide` accepts. A rejected match is retried one character later, so that a false start
 * (a town right before a name) does not swallow the real name that follows it. Every rule's pattern is
 * bounded, so a retry costs a bounded read and the loop stays linear in the text.
 */
export function scan(text: string, re: RegExp, decide: (m: RegExpExecArray) => string | null): string {
  let out = '';
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const replacement = decide(m);
    if (replacement === null) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out += text.slice(last, m.index) + replacement;
    last = re.lastIndex = m.index + m[0].length;
  }
  return out + text.slice(last);
}
