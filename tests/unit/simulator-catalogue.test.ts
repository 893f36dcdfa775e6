import { describe, expect, it } from 'vitest';
import { BLOCKS } from '../../db/seed/blocks';
import { CATEGORIES } from '../../db/seed/categories';
import { SOURCES } from '../../db/seed/sources';

describe('reference catalogue', () => {
  it('has the 11 blocks and 9 sources with unique codes', () => {
    expect(BLOCKS.map((b) => b.code)).toEqual([
      'health',
      'education',
      'social',
      'transport',
      'ecology',
      'housing',
      'construction',
      'national-projects',
      'safety',
      'public-services',
      'media',
    ]);
    expect(new Set(SOURCES.map((s) => s.code)).size).toBe(9);
  });

  it('has at least 60 categories with unique codes prefixed by a known block', () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(60);
    expect(CATEGORIES.length).toBeLessThanOrEqual(80);
    const codes = CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const blockCodes = new Set(BLOCKS.map((b) => b.code));
    for (const c of CATEGORIES) {
      expect(blockCodes.has(c.blockCode), c.code).toBe(true);
      expect(c.code.startsWith(`${c.blockCode}.`), c.code).toBe(true);
      expect(c.code.slice(c.blockCode.length + 1)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('gives every block at least 5 categories, housing and transport the most', () => {
    const perBlock = new Map<string, number>();
    for (const c of CATEGORIES) perBlock.set(c.blockCode, (perBlock.get(c.blockCode) ?? 0) + 1);
    for (const b of BLOCKS) expect(perBlock.get(b.code) ?? 0, b.code).toBeGreaterThanOrEqual(5);
    const max = Math.max(...perBlock.values());
    expect(perBlock.get('housing')).toBe(max);
    const sorted = [...perBlock.values()].sort((a, b) => b - a);
    expect(perBlock.get('transport')).toBe(sorted[1]);
  });

  it('is about 70% operational with deadlines in the regulated limits', () => {
    const operational = CATEGORIES.filter((c) => c.kind === 'operational');
    const share = operational.length / CATEGORIES.length;
    expect(share).toBeGreaterThanOrEqual(0.6);
    expect(share).toBeLessThanOrEqual(0.8);
    for (const c of CATEGORIES) {
      if (c.kind === 'operational') expect([24, 48], c.code).toContain(c.deadlineHours);
      else {
        expect(c.deadlineHours, c.code).toBeGreaterThanOrEqual(72);
        expect(c.deadlineHours, c.code).toBeLessThanOrEqual(192);
      }
    }
  });
});
