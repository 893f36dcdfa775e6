import { route } from '@/lib/http/handle-route';
import { refuse } from '@/lib/http/authorize';
import type { Actor } from '@/lib/domain/access';
import { errorResponse, json } from '@/lib/http/responses';
import { parseProblemListQuery } from '@/lib/problems/parse-problem-list-query';
import { getLargestProblems } from '@/lib/problems/get-largest-problems';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** The open problems that drew the most complaints since `since` (today by default), in a block and/or town. */
export const GET = route(
  { action: 'wall:read' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const { ctx } = getApp();
    const query = parseProblemListQuery(new URL(request.url).searchParams, ctx.reference, ctx.now());
    if (!query.ok) {
      const fields = query.errors.map((e) => e.field).join(', ');
      return errorResponse(400, 'invalid_query', `invalid query parameters: ${fields}`, query.errors);
    }
    const { block, municipality, limit, since } = query.value;
    const denied = refuse(actor, 'wall:read', {
      scope: { block: block ?? undefined, municipality: municipality ?? undefined },
    });
    if (denied) return denied;
    const problems = await getLargestProblems(
      ctx.db,
      { blockCode: block, municipalityOktmo: municipality },
      since,
      limit,
    );
    return json({ block, municipality, since: since.toISOString(), problems });
  },
);
