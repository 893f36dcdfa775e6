import { errorResponse, json } from '@/lib/http/responses';
import { getProblem } from '@/lib/queries/get-problem';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** One problem with its newest complaints (masked excerpts). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id) || Number(id) <= 0) {
    return errorResponse(400, 'invalid_id', 'the problem id must be a positive integer', [
      { field: 'id', message: `got "${id}"` },
    ]);
  }
  const problem = await getProblem(getApp().ctx.db, Number(id));
  if (!problem) {
    return errorResponse(404, 'not_found', `no problem with id ${id}`, [
      { field: 'id', message: 'no such problem' },
    ]);
  }
  return json(problem);
}
