import { z } from 'zod';
import type { FieldError } from '../domain/field-errors';
import { zodFieldErrors } from '../domain/field-errors';
import type { ReferenceCache } from '../reference/types';
import type { Bbox } from './get-municipality-complaints';

/** A view wider than this (degrees) is not a «high zoom» view: the hexagons answer it, not single points. */
export const BBOX_MAX_SPAN_DEG = 2;

const coordinate = (min: number, max: number) => z.number().finite().min(min).max(max);

const BBOX = z
  .string({ message: 'is required' })
  .transform((s, ctx) => {
    const parts = s.split(',').map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
    if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: 'custom', message: 'must be four numbers: west,south,east,north' });
      return z.NEVER;
    }
    return parts as Bbox;
  })
  .pipe(
    z
      .tuple([coordinate(-180, 180), coordinate(-90, 90), coordinate(-180, 180), coordinate(-90, 90)], {
        message: 'must be four numbers: west,south,east,north',
      })
      .refine(([w, s, e, n]) => w < e && s < n, 'west must be less than east and south less than north')
      .refine(
        ([w, s, e, n]) => e - w <= BBOX_MAX_SPAN_DEG && n - s <= BBOX_MAX_SPAN_DEG,
        `must span at most ${BBOX_MAX_SPAN_DEG} degrees each way`,
      ),
  );

/** Query of `GET /api/v1/municipalities/{oktmo}`. */
export const PAYLOAD_QUERY = z.object({
  block: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .optional()
    .meta({ description: 'Block code from GET /api/v1/reference; omitted: all blocks' }),
});
/** Query of `GET /api/v1/municipalities/{oktmo}/complaints`. */
export const COMPLAINTS_QUERY = PAYLOAD_QUERY.extend({
  // Not `examples`: zod keeps a pipe's examples for its output side only.
  bbox: BBOX.meta({
    description: `west,south,east,north in degrees (WGS84), at most ${BBOX_MAX_SPAN_DEG}° each way, e.g. 37.90,55.78,37.98,55.82`,
  }),
});

export type DrillQueryResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: 400 | 404; code: string; message: string; errors: FieldError[] };

function invalid(error: z.ZodError, raw: unknown): DrillQueryResult<never> {
  const errors = zodFieldErrors(error, raw).map((e) => ({ ...e, field: e.field.split('.')[0]! }));
  return { ok: false, status: 400, code: 'invalid_query', message: 'the query is not valid', errors };
}

/** The OKTMO in the path and `block` in the query, checked against the reference: 404 naming the field. */
function known(
  reference: ReferenceCache,
  oktmo: string,
  block: string | undefined,
): DrillQueryResult<{ oktmo: string; block: string | null }> {
  if (!reference.municipalities.has(oktmo))
    return {
      ok: false,
      status: 404,
      code: 'unknown_municipality',
      message: `unknown municipality "${oktmo}"`,
      errors: [{ field: 'oktmo', message: 'is not an OKTMO code from /api/v1/reference' }],
    };
  if (block !== undefined && !reference.blocks.has(block))
    return {
      ok: false,
      status: 404,
      code: 'unknown_block',
      message: `unknown block code "${block}"`,
      errors: [{ field: 'block', message: 'is not a block code from /api/v1/reference' }],
    };
  return { ok: true, value: { oktmo, block: block ?? null } };
}

export function parsePayloadQuery(reference: ReferenceCache, oktmo: string, params: URLSearchParams) {
  const raw = Object.fromEntries(params);
  const parsed = PAYLOAD_QUERY.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  return known(reference, oktmo, parsed.data.block);
}

export function parseComplaintsQuery(
  reference: ReferenceCache,
  oktmo: string,
  params: URLSearchParams,
): DrillQueryResult<{ oktmo: string; block: string | null; bbox: Bbox }> {
  const raw = Object.fromEntries(params);
  const parsed = COMPLAINTS_QUERY.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, raw);
  const scope = known(reference, oktmo, parsed.data.block);
  return scope.ok ? { ok: true, value: { ...scope.value, bbox: parsed.data.bbox } } : scope;
}
