/**
 * Everything a wall screen can show, in one place: each kind with its parameters and their checks. The wall
 * layout (wall-config.ts) names a kind per screen, `/wall/s/<screen>` renders it through a kind → component
 * map (components/wall-screens/screen-renderers.tsx) typed so that a kind added here without a renderer is a
 * compile error, and `/wall/grid` labels it with `screenTitleOf`.
 */
import { z } from 'zod';
import { BLOCKS } from '../../db/seed/blocks';
import { parseIsoWeek } from '../briefing/week';
import { knownMunicipalityCodes } from './municipality-codes';

export const BLOCK_CODES: readonly string[] = BLOCKS.map((b) => b.code);

/** Names the labels need; the shape of WallNames, so the reference's names can be passed as they are. */
export interface ScreenNames {
  blocks: Readonly<Record<string, string>>;
  municipalities: Readonly<Record<string, string>>;
}

/**
 * Five to six hundred seconds: under five a slide cannot be read, over ten minutes the wall looks frozen.
 * Wider than the presenter's choices (components/briefing/deck-constants.ts) on purpose: nobody touches the
 * controls of a wall screen, so any whole number in range is honoured.
 */
export const MIN_SECONDS_PER_SLIDE = 5;
export const MAX_SECONDS_PER_SLIDE = 600;

const OKTMO_PATTERN = /^\d{11}$/;

const blockCode = z
  .string({ message: 'must be a string' })
  .refine((code) => BLOCK_CODES.includes(code), `must be one of the blocks: ${BLOCK_CODES.join(', ')}`);

const oktmoCode = z.string({ message: 'must be a string' }).superRefine((code, ctx) => {
  if (!OKTMO_PATTERN.test(code))
    ctx.addIssue({ code: 'custom', message: 'must be an 11-digit OKTMO code, e.g. 46704000000 (Балашиха)' });
  // Without the file the code's shape is all that can be checked here; the screen answers 404 for the rest.
  else if (knownMunicipalityCodes()?.has(code) === false)
    ctx.addIssue({
      code: 'custom',
      message: 'is not a municipality of the region (see public/geo/mo_municipalities.csv)',
    });
});

const isoWeek = z.string({ message: 'must be a string' }).superRefine((text, ctx) => {
  const parsed = parseIsoWeek(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
});

/** The screen chimes while an incident of its scope is unanswered (components/incidents/use-alarm-sound.ts). */
const alarmSound = z.boolean({ message: 'must be true or false' }).optional();

interface KindSpec<S extends z.ZodRawShape> {
  /** What the screen shows, in the control room's words. */
  label: string;
  params: S;
  /** The grid's caption for one configured screen. */
  title: (params: z.output<z.ZodObject<S>>, names: ScreenNames) => string;
}

function screenKind<S extends z.ZodRawShape>(spec: KindSpec<S>) {
  // Strict: a misspelt parameter must fail the start, not silently fall back to a default.
  return { ...spec, schema: z.strictObject(spec.params) };
}

export const SCREEN_REGISTRY = {
  region: screenKind({
    label: 'Обзор региона',
    params: { alarmSound },
    title: () => 'Московская область',
  }),
  block: screenKind({
    label: 'Панель блока',
    params: { block: blockCode, alarmSound },
    title: ({ block }, names) => names.blocks[block] ?? block,
  }),
  federal: screenKind({
    label: 'Сеть ЦУР России',
    params: {},
    title: () => 'Сеть ЦУР России',
  }),
  triage: screenKind({
    label: 'Очередь оператора',
    params: {},
    title: () => 'Очередь оператора',
  }),
  briefing: screenKind({
    label: 'Брифинг губернатора в автопоказе',
    params: {
      /** ISO week `2026-W47`; absent: the last complete week, rolling over as weeks pass. */
      week: isoWeek.optional(),
      secondsPerSlide: z
        .number({ message: 'must be a number' })
        .int('must be an integer')
        .min(MIN_SECONDS_PER_SLIDE, `must be at least ${MIN_SECONDS_PER_SLIDE}`)
        .max(MAX_SECONDS_PER_SLIDE, `must be at most ${MAX_SECONDS_PER_SLIDE}`)
        .optional(),
    },
    title: ({ week, secondsPerSlide }) =>
      [
        'Брифинг губернатора',
        week ? `неделя ${week}` : 'последняя неделя',
        secondsPerSlide ? `автопоказ ${secondsPerSlide} с` : 'автопоказ',
      ].join(' · '),
  }),
  municipality: screenKind({
    label: 'Округ: все блоки или один блок',
    params: { oktmo: oktmoCode, block: blockCode.optional() },
    title: ({ oktmo, block }, names) =>
      `${names.municipalities[oktmo] ?? oktmo} — ${block ? (names.blocks[block] ?? block) : 'все блоки'}`,
  }),
};

export type ScreenKind = keyof typeof SCREEN_REGISTRY;
export const SCREEN_KINDS = Object.keys(SCREEN_REGISTRY) as ScreenKind[];

type ParamsOf<K extends ScreenKind> = z.output<(typeof SCREEN_REGISTRY)[K]['schema']>;
/** One screen's content as the layout names it, e.g. `{ kind: 'block', block: 'housing' }`. */
export type ScreenPanel = { [K in ScreenKind]: { kind: K } & ParamsOf<K> }[ScreenKind];
export type ScreenPanelOf<K extends ScreenKind> = Extract<ScreenPanel, { kind: K }>;

function isKind(value: unknown): value is ScreenKind {
  return typeof value === 'string' && Object.hasOwn(SCREEN_REGISTRY, value);
}

/** Kinds that need no parameter may be written as a bare string, like a block code. */
const SHORTHAND_KINDS = SCREEN_KINDS.filter((k) => SCREEN_REGISTRY[k].schema.safeParse({}).success);

/**
 * The old layout format wrote a panel as a string: `"region"` or a block code. It stays valid, widened to every
 * kind without parameters (`"federal"`, `"triage"`, `"briefing"`).
 */
function fromShorthand(code: string): ScreenPanel | null {
  if (BLOCK_CODES.includes(code)) return { kind: 'block', block: code };
  if (isKind(code) && SHORTHAND_KINDS.includes(code)) return { kind: code } as ScreenPanel;
  return null;
}

type Issue = { path: PropertyKey[]; message: string };

/** A panel as the layout file writes it → the panel, or every problem with its path below `panel`. */
export function parseScreenPanel(
  value: unknown,
): { ok: true; panel: ScreenPanel } | { ok: false; issues: Issue[] } {
  if (typeof value === 'string') {
    const panel = fromShorthand(value);
    if (panel) return { ok: true, panel };
    return {
      ok: false,
      issues: [
        {
          path: [],
          message: `must be one of: ${[...SHORTHAND_KINDS, ...BLOCK_CODES].join(', ')}; or an object { "kind": …, … }`,
        },
      ],
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      ok: false,
      issues: [{ path: [], message: 'must be a panel code (e.g. "housing") or an object { "kind": …, … }' }],
    };
  const { kind, ...params } = value as Record<string, unknown>;
  if (!isKind(kind))
    return { ok: false, issues: [{ path: ['kind'], message: `must be one of: ${SCREEN_KINDS.join(', ')}` }] };
  const schema = SCREEN_REGISTRY[kind].schema;
  const parsed = schema.safeParse(params);
  if (parsed.success) return { ok: true, panel: { kind, ...parsed.data } as ScreenPanel };
  const takes = Object.keys(schema.shape);
  return {
    ok: false,
    issues: parsed.error.issues.flatMap((i): Issue[] =>
      i.code === 'unrecognized_keys'
        ? i.keys.map((key) => ({
            path: [...i.path, key],
            message: `is not a parameter of "${kind}" (${takes.length ? `it takes: ${takes.join(', ')}` : 'it takes none'})`,
          }))
        : [{ path: [...i.path], message: i.message }],
    ),
  };
}

/** The zod face of parseScreenPanel, for the layout schema: issues land under the screen's `panel` field. */
export const screenPanelSchema = z.unknown().transform((value, ctx): ScreenPanel => {
  if (value === undefined) {
    ctx.addIssue({ code: 'custom', message: 'is required: a panel code or an object { "kind": …, … }' });
    return z.NEVER;
  }
  const parsed = parseScreenPanel(value);
  if (parsed.ok) return parsed.panel;
  for (const issue of parsed.issues)
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

/** The grid's caption for a screen: «Балашиха — ЖКХ», «Брифинг губернатора · последняя неделя · автопоказ». */
export function screenTitleOf(panel: ScreenPanel, names: ScreenNames): string {
  const title = SCREEN_REGISTRY[panel.kind].title as (p: ScreenPanel, n: ScreenNames) => string;
  return title(panel, names);
}
