import { route } from '@/lib/http/handle-route';
import { refuse } from '@/lib/http/authorize';
import type { Actor } from '@/lib/domain/access';
import { parseIdParam } from '@/lib/http/id-param';
import { errorResponse, json } from '@/lib/http/responses';
import { getProblem } from '@/lib/problems/get-problem';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** One problem with its newest complaints (masked excerpts). */
export const GET = route(
  { action: 'wall:read' },
  async (
    _request: Request,
    actor: Actor,
    { params }: { params: Promise<{ id: string }> },
  ): Promise<Response> => {
    const { id } = await params;
    const parsed = parseIdParam(id, 'problem');
    if (!parsed.ok) return parsed.response;
    const problem = await getProblem(getApp().ctx.db, parsed.id);
    if (!problem) {
      return errorResponse(404, 'not_found', `no problem with id ${id}`, [
        { field: 'id', message: 'no such problem' },
      ]);
    }
    const denied = refuse(
      actor,
      'wall:read',
      { scope: { block: problem.blockCode, municipality: problem.municipalityOktmo ?? undefined } },
      { what: `problem ${id}`, field: 'id' },
    );
    if (denied) return denied;
    return json(problem);
  },
);
