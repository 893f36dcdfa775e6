import { route } from '@/lib/http/handle-route';
import type { Actor } from '@/lib/domain/access';
import { parseIdParam } from '@/lib/http/id-param';
import { errorResponse, json, overloaded } from '@/lib/http/responses';
import { isOverloaded } from '@/lib/commit/write-queue';
import { classifierLearning } from '@/lib/classifier-learning/learning-service';
import { clientAddressOf } from '@/lib/server/client-address';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** Makes an earlier (retired) version live again on every node; audited. */
export const POST = route(
  { action: 'classifier:manage' },
  async (
    request: Request,
    actor: Actor,
    { params }: { params: Promise<{ id: string }> },
  ): Promise<Response> => {
    const { ctx } = getApp();
    const parsed = parseIdParam((await params).id, 'classifier version');
    if (!parsed.ok) return parsed.response;
    try {
      const result = await classifierLearning().rollback(ctx, actor, parsed.id, clientAddressOf(request));
      if (result.status === 'applied') return json(result);
      const status = result.code === 'not_found' ? 404 : 409;
      return errorResponse(status, result.code === 'not_found' ? 'not_found' : 'conflict', result.message, [
        { field: 'id', message: result.message },
      ]);
    } catch (error) {
      if (isOverloaded(error)) return overloaded(error);
      throw error;
    }
  },
);
