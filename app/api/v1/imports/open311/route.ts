import { route } from '@/lib/http/handle-route';
import { clientAddressOf } from '@/lib/server/client-address';
import { recordAudit } from '@/lib/identity/audit';
import type { Actor } from '@/lib/domain/access';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { importRefusal } from '@/lib/open311/import-allowed';
import { OPEN311_IMPORT_BODY_SCHEMA } from '@/lib/open311/import-body';
import { importOpen311 } from '@/lib/open311/import-requests';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** Pulls another GeoReport v2 server's requests into intake and answers the import report. */
export const POST = route(
  { action: 'import:run' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const parsed = await readValidBody(
      request,
      256 * 1024,
      OPEN311_IMPORT_BODY_SCHEMA,
      'the import request is not valid',
    );
    if (!parsed.ok) return parsed.response;
    const refusal = await importRefusal(parsed.data.baseUrl);
    if (refusal) return errorResponse(403, 'forbidden', refusal, [{ field: 'baseUrl', message: refusal }]);
    const { ctx } = getApp();
    const unknown = Object.entries(parsed.data.serviceMap ?? {}).filter(
      ([, code]) => !ctx.reference.categories.has(code),
    );
    if (unknown.length > 0) {
      return errorResponse(
        400,
        'invalid_body',
        'serviceMap names unknown categories',
        unknown.map(([from, code]) => ({
          field: `serviceMap.${from}`,
          message: `unknown category code "${code}"`,
        })),
      );
    }
    const report = await importOpen311(ctx, parsed.data);
    await recordAudit(ctx.db, {
      actor,
      action: 'import_run',
      target: `open311:${new URL(parsed.data.baseUrl).host}`,
      address: clientAddressOf(request),
    });
    return json(report);
  },
);
