import { route } from '@/lib/http/handle-route';
import { getBriefing } from '@/lib/briefing/get-briefing';
import { parseWeekParam } from '@/lib/briefing/week-param';
import { errorResponse, json } from '@/lib/http/responses';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** The governor's weekly briefing: every slide's figures for `?week=2026-W47` against the week before. */
export const GET = route({ action: 'briefing:read' }, async (request: Request): Promise<Response> => {
  const { ctx } = getApp();
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = parseWeekParam(raw, ctx.now());
  if (!parsed.ok) return errorResponse(400, 'invalid_query', 'the week is not valid', parsed.errors);
  return json(await getBriefing(ctx, parsed.week));
});
