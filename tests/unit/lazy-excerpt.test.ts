import { describe, expect, it } from 'vitest';
import { lazyExcerpt } from '@/lib/text/lazy-excerpt';
import { excerptOf } from '@/lib/text/mask-personal-data';

describe('lazyExcerpt', () => {
  it('hands out the masked excerpt, never the text, and keeps it for the next screen', () => {
    const text = 'Нет света в подъезде, звоните Иванову Петру Сергеевичу по тел. 8 916 123-45-67, кв. 45';
    const excerpt = lazyExcerpt(text);
    const first = excerpt();
    expect(first).toBe(excerptOf(text));
    expect(first).not.toContain('123-45-67');
    expect(first).not.toContain('Иванову');
    expect(excerpt()).toBe(first);
  });
});
