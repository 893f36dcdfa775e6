import type { z } from 'zod';
import type { FieldError } from './field-errors';

/**
 * The one check every text of a request goes through. PostgreSQL refuses NUL in `text` (the whole statement,
 * and with it every other caller's rows of a group commit, fails); other C0 controls and unpaired surrogates
 * are not text a resident typed, and a lone surrogate turns into U+FFFD on its way to UTF-8, so the key
 * stored is not the key sent. Such a field is refused, naming it, before anything is written.
 */
export function textFault(value: string): string | null {
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0) return 'contains a NUL character';
      // Tab, line feed and carriage return are ordinary in a complaint's text.
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d)
        return `contains a control character (U+${c.toString(16).toUpperCase().padStart(4, '0')})`;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return 'contains an unpaired surrogate (not valid Unicode)';
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return 'contains an unpaired surrogate (not valid Unicode)';
    }
  }
  return null;
}

/** Zero-width and soft-hyphen characters: invisible, so a text made only of them (and spaces) says nothing. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** True when nothing visible is left after removing whitespace and the invisible format characters. */
export function isBlankText(value: string): boolean {
  return value.replace(INVISIBLE, '').trim() === '';
}

/** zod check for any text field: refuses what `textFault` names. Chain it with `.superRefine(safeText)`. */
export function safeText(value: string, ctx: z.RefinementCtx): void {
  const fault = textFault(value);
  if (fault) ctx.addIssue({ code: 'custom', message: fault });
}

/**
 * zod check for a required text: `safeText`, and refused as empty when only invisible characters are left.
 * An empty string is left to the field's own `.min(1)` so its message is not given twice.
 */
export function visibleText(value: string, ctx: z.RefinementCtx): void {
  const fault = textFault(value);
  if (fault) ctx.addIssue({ code: 'custom', message: fault });
  else if (value.length > 0 && isBlankText(value))
    ctx.addIssue({ code: 'custom', message: 'must not be empty' });
}

const MAX_REPORTED = 20;

/**
 * Every string of a parsed JSON value (object keys included) that `textFault` refuses, with its path
 * (`complaints[3].text`). Iterative: a deeply nested body must not overflow the stack.
 */
export function findTextFaults(root: unknown): FieldError[] {
  const found: FieldError[] = [];
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const fault = textFault(value);
      if (fault) found.push({ field: path || 'body', message: fault });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push([value[i], `${path}[${i}]`]);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i]!;
        const keyFault = textFault(key);
        // The key itself cannot be quoted back: name its parent and say a field name is bad.
        if (keyFault) found.push({ field: path || 'body', message: `a field name ${keyFault}` });
        else stack.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return found;
}

/** The query parameters (names and values) of a URL that `textFault` refuses, each named. */
export function findQueryFaults(params: URLSearchParams): FieldError[] {
  const found: FieldError[] = [];
  for (const [name, value] of params) {
    const nameFault = textFault(name);
    if (nameFault) found.push({ field: 'query', message: `a parameter name ${nameFault}` });
    else {
      const fault = textFault(value);
      if (fault) found.push({ field: name, message: fault });
    }
    if (found.length >= MAX_REPORTED) break;
  }
  return found;
}
