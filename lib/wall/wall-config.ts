/**
 * The physical video wall as data: which screen (row, column, and how many cells it spans) shows which panel of
 * the screen registry (screen-registry.ts), and when a screen declares its data stale. Kept apart from the code so a control room
 * can rearrange its wall without a rebuild (lib/wall/load-wall-config.ts reads an override file).
 */
import { z } from 'zod';
import { screenPanelSchema } from './screen-registry';

/**
 * The server sends at least a heartbeat every 15 s: anything under two of them would flag a healthy screen
 * after one late packet.
 */
const MIN_STALE_SECONDS = 30;
const MAX_STALE_SECONDS = 3_600;
const MAX_GRID = 12;

const screenSchema = z.object({
  id: z
    .string({ message: 'must be a string' })
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1–32 lowercase latin letters, digits or hyphens'),
  row: z.number({ message: 'must be a number' }).int('must be an integer').min(1, 'must be 1 or more'),
  col: z.number({ message: 'must be a number' }).int('must be an integer').min(1, 'must be 1 or more'),
  /**
   * Cells the screen covers down and across from (row, col), 1 when absent: the video-wall controller joins them
   * into one picture (the region map over 2×2 screens is 3840×2160 physical pixels). Optional, so every layout
   * written before spans existed stays valid.
   */
  rowSpan: z
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be 1 or more')
    .optional(),
  colSpan: z
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be 1 or more')
    .optional(),
  /** `{ "kind": "block", "block": "housing" }`, or the old string form `"housing"` / `"region"`. */
  panel: screenPanelSchema,
});

const wallConfigSchema = z
  .object({
    rows: z.number().int('must be an integer').min(1).max(MAX_GRID, `must be at most ${MAX_GRID}`),
    cols: z.number().int('must be an integer').min(1).max(MAX_GRID, `must be at most ${MAX_GRID}`),
    staleAfterSeconds: z
      .number({ message: 'must be a number' })
      .int('must be an integer')
      .min(MIN_STALE_SECONDS, `must be at least ${MIN_STALE_SECONDS} (the server heartbeats every 15 s)`)
      .max(MAX_STALE_SECONDS, `must be at most ${MAX_STALE_SECONDS}`),
    screens: z.array(screenSchema).min(1, 'must list at least one screen'),
  })
  .superRefine((config, ctx) => {
    const ids = new Map<string, number>();
    const positions = new Map<string, number>();
    config.screens.forEach((screen, i) => {
      const { rowSpan = 1, colSpan = 1 } = screen;
      if (screen.row > config.rows)
        ctx.addIssue({
          code: 'custom',
          path: ['screens', i, 'row'],
          message: `must be at most rows (${config.rows})`,
        });
      else if (screen.row + rowSpan - 1 > config.rows)
        ctx.addIssue({
          code: 'custom',
          path: ['screens', i, 'rowSpan'],
          message: `runs past the last row: row ${screen.row} + ${rowSpan} rows > rows (${config.rows})`,
        });
      if (screen.col > config.cols)
        ctx.addIssue({
          code: 'custom',
          path: ['screens', i, 'col'],
          message: `must be at most cols (${config.cols})`,
        });
      else if (screen.col + colSpan - 1 > config.cols)
        ctx.addIssue({
          code: 'custom',
          path: ['screens', i, 'colSpan'],
          message: `runs past the last column: col ${screen.col} + ${colSpan} columns > cols (${config.cols})`,
        });
      const sameId = ids.get(screen.id);
      if (sameId !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['screens', i, 'id'],
          message: `duplicates screens[${sameId}].id`,
        });
      else ids.set(screen.id, i);
      // Every cell it covers: a spanning screen overlaps another wherever one of its cells is taken.
      const clash = cellsOf(screen)
        .map(([row, col]) => ({ row, col, other: positions.get(`${row}:${col}`) }))
        .find((c) => c.other !== undefined);
      if (clash)
        ctx.addIssue({
          code: 'custom',
          path: ['screens', i],
          message: `takes row ${clash.row}, col ${clash.col}, already given to screens[${clash.other}]`,
        });
      else for (const [row, col] of cellsOf(screen)) positions.set(`${row}:${col}`, i);
    });
  });

/** The (row, col) cells a screen covers, its own first. */
function cellsOf(screen: {
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
}): [number, number][] {
  const cells: [number, number][] = [];
  for (let r = 0; r < (screen.rowSpan ?? 1); r += 1)
    for (let c = 0; c < (screen.colSpan ?? 1); c += 1) cells.push([screen.row + r, screen.col + c]);
  return cells;
}

export type WallConfig = z.infer<typeof wallConfigSchema>;
export type WallScreenConfig = WallConfig['screens'][number];

export interface WallConfigIssue {
  /** Path of the offending value, e.g. `screens[3].panel`. */
  field: string;
  /** The id of the screen the field belongs to, when it names one: `screens[3]` alone is hard to find. */
  screen?: string;
  message: string;
}

export class WallConfigError extends Error {
  constructor(
    readonly issues: WallConfigIssue[],
    source: string,
  ) {
    super(`Invalid wall configuration (${source}):\n${issues.map(lineOf).join('\n')}`);
    this.name = 'WallConfigError';
  }
}

function lineOf({ field, screen, message }: WallConfigIssue): string {
  return `  ${field}${screen === undefined ? '' : ` (screen "${screen}")`}: ${message}`;
}

/** The id a broken layout gives screens[i], if it gives a string one. */
function screenIdAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'screens' || typeof path[1] !== 'number') return undefined;
  const screens = (input as { screens?: unknown } | null)?.screens;
  const screen: unknown = Array.isArray(screens) ? screens[path[1]] : undefined;
  const id = (screen as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

function fieldOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(root)';
}

export function parseWallConfig(input: unknown, source = 'wall configuration'): WallConfig {
  const parsed = wallConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new WallConfigError(
    parsed.error.issues.map((i) => {
      const screen = screenIdAt(input, i.path);
      return { field: fieldOf(i.path), ...(screen === undefined ? {} : { screen }), message: i.message };
    }),
    source,
  );
}

/**
 * The eight blocks that get a screen of their own on the default wall, in reading order. The region map takes
 * the 2×2 centre (four of the twelve cells), which leaves eight: the blocks whose complaints are about the
 * physical state of the region and come with deadlines and outages the room acts on at once — utilities,
 * roads, health, ecology, public safety, social protection, schools, construction. The other three (national
 * projects, public services, media) are mostly about procedures and publications rather than something broken
 * now; they stay one click away (/wall/<block>, a municipality's drill-down) and any layout file can put them up.
 */
const DEFAULT_WALL_BLOCKS = [
  'housing',
  'transport',
  'health',
  'ecology',
  'safety',
  'social',
  'education',
  'construction',
];

/** The cells around the 2×2 map on a 4×3 wall: both outer columns of the top two rows, then the bottom row. */
const AROUND_THE_MAP: [number, number][] = [
  [1, 1],
  [2, 1],
  [1, 4],
  [2, 4],
  [3, 1],
  [3, 2],
  [3, 3],
  [3, 4],
];

/** A 4×3 wall: the region map over the 2×2 centre top (r1c2), eight blocks around it. */
export const DEFAULT_WALL_CONFIG: WallConfig = parseWallConfig(
  {
    rows: 3,
    cols: 4,
    staleAfterSeconds: 60,
    screens: [
      { id: 'r1c2', row: 1, col: 2, rowSpan: 2, colSpan: 2, panel: 'region' },
      ...DEFAULT_WALL_BLOCKS.map((panel, i) => {
        const [row, col] = AROUND_THE_MAP[i]!;
        return { id: `r${row}c${col}`, row, col, panel };
      }),
    ],
  },
  'default',
);

export function screenById(config: WallConfig, id: string): WallScreenConfig | undefined {
  return config.screens.find((s) => s.id === id);
}
