import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCKS } from '@/db/seed/blocks';
import { loadWallConfig } from '@/lib/wall/load-wall-config';
import { knownMunicipalityCodes } from '@/lib/wall/municipality-codes';
import { SCREEN_KINDS, parseScreenPanel, screenTitleOf, type ScreenPanel } from '@/lib/wall/screen-registry';
import { WallConfigError, parseWallConfig, type WallConfigIssue } from '@/lib/wall/wall-config';

const BALASHIKHA = '46704000000';

/** One screen of every kind, and a second form of those with optional parameters. */
const EVERY_KIND = {
  rows: 2,
  cols: 4,
  staleAfterSeconds: 60,
  screens: [
    { id: 'region', row: 1, col: 1, panel: { kind: 'region' } },
    { id: 'housing', row: 1, col: 2, panel: { kind: 'block', block: 'housing' } },
    { id: 'russia', row: 1, col: 3, panel: { kind: 'federal' } },
    { id: 'queue', row: 1, col: 4, panel: { kind: 'triage' } },
    { id: 'briefing', row: 2, col: 1, panel: { kind: 'briefing' } },
    {
      id: 'briefing-w47',
      row: 2,
      col: 2,
      panel: { kind: 'briefing', week: '2025-W47', secondsPerSlide: 25 },
    },
    { id: 'balashikha', row: 2, col: 3, panel: { kind: 'municipality', oktmo: BALASHIKHA } },
    {
      id: 'balashikha-roads',
      row: 2,
      col: 4,
      panel: { kind: 'municipality', oktmo: BALASHIKHA, block: 'transport' },
    },
  ],
};

type Screen = (typeof EVERY_KIND.screens)[number] | { id: string; row: number; col: number; panel: unknown };

function withScreen(index: number, patch: Partial<Screen>) {
  return { ...EVERY_KIND, screens: EVERY_KIND.screens.map((s, i) => (i === index ? { ...s, ...patch } : s)) };
}

function issuesOf(input: unknown): WallConfigIssue[] {
  try {
    parseWallConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(WallConfigError);
    return (error as WallConfigError).issues;
  }
  throw new Error('expected the layout to be rejected');
}

describe('screen registry', () => {
  it('lists the six kinds a wall screen can show', () => {
    expect(SCREEN_KINDS).toEqual(['region', 'block', 'federal', 'triage', 'briefing', 'municipality']);
  });

  it('accepts a layout with a screen of every kind, parameters as written', () => {
    const config = parseWallConfig(EVERY_KIND);
    expect(config.screens.map((s) => s.panel)).toEqual(EVERY_KIND.screens.map((s) => s.panel));
    expect(new Set(config.screens.map((s) => s.panel.kind))).toEqual(new Set(SCREEN_KINDS));
  });

  it('reads the string form: a block code or any kind without parameters', () => {
    const read = (code: string) => parseScreenPanel(code);
    expect(read('housing')).toEqual({ ok: true, panel: { kind: 'block', block: 'housing' } });
    for (const kind of ['region', 'federal', 'triage', 'briefing'])
      expect(read(kind)).toEqual({ ok: true, panel: { kind } });
    for (const block of BLOCKS) expect(read(block.code).ok).toBe(true);
    // A municipality needs its OKTMO: no string form.
    expect(read('municipality').ok).toBe(false);
  });

  it('knows the 57 municipalities without a database', () => {
    const codes = knownMunicipalityCodes();
    expect(codes?.size).toBe(57);
    expect(codes?.has(BALASHIKHA)).toBe(true);
  });

  it('captions each kind for the grid', () => {
    const names = {
      blocks: Object.fromEntries(BLOCKS.map((b) => [b.code, b.name])),
      municipalities: { [BALASHIKHA]: 'Балашиха' },
    };
    const titles = parseWallConfig(EVERY_KIND).screens.map((s) => screenTitleOf(s.panel, names));
    expect(titles).toEqual([
      'Московская область',
      'ЖКХ',
      'Сеть ЦУР России',
      'Очередь оператора',
      'Брифинг губернатора · последняя неделя · автопоказ',
      'Брифинг губернатора · неделя 2025-W47 · автопоказ 25 с',
      'Балашиха — все блоки',
      'Балашиха — Транспорт и дороги',
    ]);
    const unnamed: ScreenPanel = { kind: 'municipality', oktmo: '46000000000' };
    expect(screenTitleOf(unnamed, { blocks: {}, municipalities: {} })).toBe('46000000000 — все блоки');
  });
});

describe('wall layout checked against the registry', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['an unknown kind', { kind: 'weather' }, 'screens[2].panel.kind', /region, block, federal/],
    ['a missing kind', { block: 'housing' }, 'screens[2].panel.kind', /must be one of/],
    ['an unknown block', { kind: 'block', block: 'parks' }, 'screens[2].panel.block', /housing/],
    ['a block panel without its block', { kind: 'block' }, 'screens[2].panel.block', /string/],
    [
      'a parameter the kind does not take',
      { kind: 'federal', region: '77' },
      'screens[2].panel.region',
      /not a parameter of "federal".*none/,
    ],
    [
      'a misspelt parameter',
      { kind: 'block', block: 'housing', blok: 'x' },
      'screens[2].panel.blok',
      /it takes: block/,
    ],
    ['a malformed week', { kind: 'briefing', week: '2025-47' }, 'screens[2].panel.week', /ISO week/],
    [
      'a week that does not exist',
      { kind: 'briefing', week: '2025-W60' },
      'screens[2].panel.week',
      /01 and 52/,
    ],
    [
      'too short a slide',
      { kind: 'briefing', secondsPerSlide: 2 },
      'screens[2].panel.secondsPerSlide',
      /at least 5/,
    ],
    [
      'a fractional slide time',
      { kind: 'briefing', secondsPerSlide: 12.5 },
      'screens[2].panel.secondsPerSlide',
      /integer/,
    ],
    ['a malformed OKTMO', { kind: 'municipality', oktmo: '4670400' }, 'screens[2].panel.oktmo', /11-digit/],
    [
      'an OKTMO outside the region',
      { kind: 'municipality', oktmo: '45000000000' },
      'screens[2].panel.oktmo',
      /not a municipality of the region/,
    ],
    ['a municipality without its OKTMO', { kind: 'municipality' }, 'screens[2].panel.oktmo', /string/],
    [
      'a municipality in an unknown block',
      { kind: 'municipality', oktmo: BALASHIKHA, block: 'parks' },
      'screens[2].panel.block',
      /blocks:/,
    ],
    ['an unknown string', 'weather', 'screens[2].panel', /federal, triage, briefing, health/],
    ['a number', 7, 'screens[2].panel', /panel code/],
  ];

  it.each(cases)('rejects %s, naming the field and the screen', (_, panel, field, message) => {
    const issues = issuesOf(withScreen(2, { panel }));
    expect(issues).toEqual([{ field, screen: 'russia', message: expect.stringMatching(message) }]);
  });

  it('rejects duplicate ids and two screens on one spot among the new kinds', () => {
    const issues = issuesOf(withScreen(3, { id: 'russia', row: 2, col: 3 }));
    expect(issues.map((i) => [i.field, i.screen])).toEqual([
      ['screens[3].id', 'russia'],
      ['screens[6]', 'balashikha'],
    ]);
    expect(issues[1]!.message).toMatch(/row 2, col 3.*screens\[3\]/);
  });

  it('fails the start with the file, the field and the screen in the message', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'screen-registry-'));
    const good = path.join(dir, 'wall.json');
    writeFileSync(good, JSON.stringify(EVERY_KIND));
    expect(loadWallConfig({ WALL_CONFIG_FILE: good }).screens.find((s) => s.id === 'queue')?.panel).toEqual({
      kind: 'triage',
    });
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(withScreen(6, { panel: { kind: 'municipality', oktmo: 'Балашиха' } })));
    expect(() => loadWallConfig({ WALL_CONFIG_FILE: bad })).toThrow(
      /bad\.json[\s\S]*screens\[6\]\.panel\.oktmo \(screen "balashikha"\): must be an 11-digit OKTMO/,
    );
  });
});
