import { route } from '@/lib/http/handle-route';
import { json } from '@/lib/http/responses';
import { checkDatabase } from '@/lib/queries/check-database';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

export const GET = route(async (): Promise<Response> => {
  const { ctx, buildId, startedAt } = getApp();
  try {
    await checkDatabase(ctx.db);
    return json({
      status: 'ok',
      buildId,
      uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    });
  } catch (error) {
    return json(
      { status: 'error', buildId, error: error instanceof Error ? error.message : String(error) },
      503,
    );
  }
});
