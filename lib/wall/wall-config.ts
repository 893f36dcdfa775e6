/**
 * The physical video wall as data: which screen (row, column) shows which panel of the screen registry
 * (screen-registry.ts), and when a screen declares its data stale. Kept apart from the code so a control room
 * can rearrange its wall without a rebuild (lib/wall/load-wall-config.ts reads an override file).
 */
import { z } from 'zod';
import { BLOCK_CODES, screenPanelSchema } from './screen-registry';

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
      if (screen.row > config.rows)
        ctx.addIssue({
          code: 'custom',
          path: ['screens', i, 'row'],
          message: `must be at most rows (${config.rows})`,
        });
      if (screen.col > config.cols)
        ctx.addIssue({
          code: 'custom',
          path: ['screens', i, 'col'],
          message: `must be at most cols (${config.cols})`,
        });
      const sameId = ids.get(screen.id);
      if (sameId !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['screens', i, 'id'],
          message: `duplicates screens[${sameId}].id`,
        });
      else ids.set(screen.id, i);
      const key = `${screen.row}:${screen.col}`;
      const samePlace = positions.get(key);
      if (samePlace !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['screens', i],
          message: `takes row ${screen.row}, col ${screen.col}, already given to screens[${samePlace}]`,
        });
      else positions.set(key, i);
    });
  });

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

/** A 4×3 wall: the region overview top left, then the 11 blocks in their usual order. */
export const DEFAULT_WALL_CONFIG: WallConfig = parseWallConfig(
  {
    rows: 3,
    cols: 4,
    staleAfterSeconds: 60,
    screens: ['region', ...BLOCK_CODES].map((panel, i) => {
      const row = Math.floor(i / 4) + 1;
      const col = (i % 4) + 1;
      return { id: `r${row}c${col}`, row, col, panel };
    }),
  },
  'default',
);

export function screenById(config: WallConfig, id: string): WallScreenConfig | undefined {
  return config.screens.find((s) => s.id === id);
}
