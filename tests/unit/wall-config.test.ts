import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCKS } from '@/db/seed/blocks';
import { DEFAULT_WALL_CONFIG, WallConfigError, parseWallConfig, screenById } from '@/lib/wall/wall-config';
import { loadWallConfig } from '@/lib/wall/load-wall-config';

const VALID = {
  rows: 1,
  cols: 2,
  staleAfterSeconds: 60,
  screens: [
    { id: 'left', row: 1, col: 1, panel: 'region' },
    { id: 'right', row: 1, col: 2, panel: 'housing' },
  ],
};

function issuesOf(input: unknown): { field: string; message: string }[] {
  try {
    parseWallConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(WallConfigError);
    return (error as WallConfigError).issues;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('wall configuration', () => {
  it('has a valid default: the region map over the 2×2 centre and eight blocks around it, 4×3, stale after 60 s', () => {
    expect(parseWallConfig(DEFAULT_WALL_CONFIG)).toEqual(DEFAULT_WALL_CONFIG);
    expect(DEFAULT_WALL_CONFIG).toMatchObject({ rows: 3, cols: 4, staleAfterSeconds: 60 });
    expect(screenById(DEFAULT_WALL_CONFIG, 'r1c2')).toMatchObject({
      row: 1,
      col: 2,
      rowSpan: 2,
      colSpan: 2,
      panel: { kind: 'region' },
    });
    const blocks = DEFAULT_WALL_CONFIG.screens.flatMap((s) =>
      s.panel.kind === 'block' ? [s.panel.block] : [],
    );
    expect(blocks).toHaveLength(8);
    expect(new Set(blocks).size).toBe(8);
    for (const b of blocks) expect(BLOCKS.map((x) => x.code)).toContain(b);
    // Every one of the twelve cells is covered exactly once.
    const cells = DEFAULT_WALL_CONFIG.screens.flatMap((s) =>
      Array.from({ length: (s.rowSpan ?? 1) * (s.colSpan ?? 1) }, (_, k) => {
        const r = s.row + Math.floor(k / (s.colSpan ?? 1));
        const c = s.col + (k % (s.colSpan ?? 1));
        return `${r}:${c}`;
      }),
    );
    expect(cells).toHaveLength(12);
    expect(new Set(cells).size).toBe(12);
  });

  it('keeps a layout without spans valid: each screen one cell', () => {
    const config = parseWallConfig(VALID);
    expect(config.screens.map((s) => [s.rowSpan, s.colSpan])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it('rejects a span past the edge and a span over another screen, naming both', () => {
    const wide = {
      rows: 2,
      cols: 3,
      staleAfterSeconds: 60,
      screens: [
        { id: 'map', row: 1, col: 1, rowSpan: 2, colSpan: 2, panel: 'region' },
        { id: 'inside', row: 2, col: 2, panel: 'housing' },
        { id: 'edge', row: 1, col: 3, colSpan: 2, panel: 'ecology' },
        { id: 'zero', row: 2, col: 3, rowSpan: 0, panel: 'health' },
      ],
    };
    expect(issuesOf(wide)).toEqual([
      { field: 'screens[3].rowSpan', screen: 'zero', message: 'must be 1 or more' },
      {
        field: 'screens[1]',
        screen: 'inside',
        message: expect.stringMatching(/row 2, col 2.*screens\[0\]/),
      },
      {
        field: 'screens[2].colSpan',
        screen: 'edge',
        message: expect.stringMatching(/past the last column/),
      },
    ]);
  });

  it('accepts a small custom wall in the old string form, read as registry panels', () => {
    expect(parseWallConfig(VALID).screens.map((s) => s.panel)).toEqual([
      { kind: 'region' },
      { kind: 'block', block: 'housing' },
    ]);
  });

  it('rejects two screens in one position, naming the screen', () => {
    const issues = issuesOf({
      ...VALID,
      screens: [VALID.screens[0], { ...VALID.screens[1], col: 1 }],
    });
    expect(issues).toEqual([
      { field: 'screens[1]', screen: 'right', message: expect.stringMatching(/row 1, col 1.*screens\[0\]/) },
    ]);
  });

  it('rejects an unknown panel with the field and the allowed codes', () => {
    const issues = issuesOf({
      ...VALID,
      screens: [VALID.screens[0], { ...VALID.screens[1], panel: 'parks' }],
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe('screens[1].panel');
    expect(issues[0]!.message).toContain('housing');
  });

  it('names every bad field at once: duplicate id, position outside the grid, too short a stale time', () => {
    const issues = issuesOf({
      ...VALID,
      staleAfterSeconds: 5,
      screens: [VALID.screens[0], { id: 'left', row: 2, col: 2, panel: 'health' }],
    });
    expect(issues.map((i) => i.field).sort()).toEqual([
      'screens[1].id',
      'screens[1].row',
      'staleAfterSeconds',
    ]);
    expect(() => parseWallConfig({ ...VALID, staleAfterSeconds: 5 }, 'wall.json')).toThrow(
      /wall\.json[\s\S]*staleAfterSeconds: must be at least 30/,
    );
  });

  it('rejects missing and mistyped fields by name', () => {
    const issues = issuesOf({ rows: 1, cols: '2', screens: [{ id: 'A', row: 1, col: 1 }] });
    expect(issues.map((i) => i.field).sort()).toEqual([
      'cols',
      'screens[0].id',
      'screens[0].panel',
      'staleAfterSeconds',
    ]);
  });

  it('reads an override file named by WALL_CONFIG_FILE, else the default', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wall-config-'));
    const file = path.join(dir, 'wall.json');
    writeFileSync(file, JSON.stringify(VALID));
    expect(loadWallConfig({ WALL_CONFIG_FILE: file }).screens.map((s) => s.id)).toEqual(['left', 'right']);
    expect(loadWallConfig({})).toBe(DEFAULT_WALL_CONFIG);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...VALID, rows: 0 }));
    expect(() => loadWallConfig({ WALL_CONFIG_FILE: bad })).toThrow(/rows/);
  });
});
