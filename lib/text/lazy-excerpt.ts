import { excerptOf } from './mask-personal-data';

/**
 * The masked excerpt of a text, computed the first time a screen asks for it and then kept. Intake can take
 * thousands of complaints a second while the wall shows the newest few per scope: masking every arrival up front
 * cost more than the rest of intake (about 80 µs a text), masking per watching screen repeated the work, and this
 * masks each shown arrival once, whatever the number of screens.
 */
export function lazyExcerpt(text: string): () => string {
  let excerpt: string | undefined;
  return () => (excerpt ??= excerptOf(text));
}
