import { route } from '@/lib/http/handle-route';
import { refuse } from '@/lib/http/authorize';
import type { Actor } from '@/lib/domain/access';
import { zodFieldErrors } from '@/lib/domain/field-errors';
import { errorResponse, json } from '@/lib/http/responses';
import { getExecutorQuality } from '@/lib/queries/get-executor-quality';
import { getMunicipalityQuality } from '@/lib/queries/get-municipality-quality';
import { QUALITY_QUERY_SCHEMA } from '@/lib/queries/quality-query';
import { getApp } from '@/lib/server/app-registry';
import { lastMoscowDates } from '@/lib/domain/moscow-time';

export const dynamic = 'force-dynamic';

/**
 * Reopen rate and on-time rate per executor or per municipality over the last `days` Moscow days (today
 * included); executors also carry what they hold open and how much of it is overdue now.
 */
export const GET = route(
  { action: 'wall:read' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const raw = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = QUALITY_QUERY_SCHEMA.safeParse(raw);
    if (!parsed.success)
      return errorResponse(400, 'invalid_query', 'the query is not valid', zodFieldErrors(parsed.error, raw));
    const { ctx } = getApp();
    const q = parsed.data;
    if (q.block && !ctx.reference.blocks.has(q.block))
      return errorResponse(404, 'not_found', `unknown block "${q.block}"`, [
        { field: 'block', message: 'unknown block code' },
      ]);
    if (q.municipality && !ctx.reference.municipalities.has(q.municipality))
      return errorResponse(404, 'not_found', `unknown municipality "${q.municipality}"`, [
        { field: 'municipality', message: 'unknown OKTMO code' },
      ]);
    const denied = refuse(actor, 'wall:read', { scope: { block: q.block, municipality: q.municipality } });
    if (denied) return denied;
    const now = ctx.now();
    const dates = lastMoscowDates(now, q.days);
    const scope = {
      blockCode: q.block,
      municipalityOktmo: q.municipality,
      fromDate: dates[0]!,
      toDate: dates.at(-1)!,
    };
    const window = { from: scope.fromDate, to: scope.toDate, days: q.days };
    if (q.by === 'municipality') {
      if (q.municipality)
        return errorResponse(400, 'invalid_query', 'by=municipality lists all municipalities', [
          { field: 'municipality', message: 'is not accepted with by=municipality' },
        ]);
      return json({ by: q.by, window, rows: await getMunicipalityQuality(ctx.db, scope) });
    }
    const rows = await getExecutorQuality(ctx.db, scope, now);
    return json({
      by: q.by,
      window,
      rows: rows.map((r) => ({ ...r, name: ctx.reference.executors.get(r.code)?.name ?? r.code })),
    });
  },
);
