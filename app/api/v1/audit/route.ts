import { route } from '@/lib/http/handle-route';
import { errorResponse, json } from '@/lib/http/responses';
import { parseAuditQuery } from '@/lib/identity/audit-query';
import { listAudit } from '@/lib/identity/list-audit';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/**
 * The audit log newest first: `?before=<id>&actor=user:ivanov&action=login_failed&from=2026-05-01&to=…&limit=50`
 * (dates are Moscow days; `to` includes its day). `nextBefore` fetches the next, older page.
 */
export const GET = route({ action: 'audit:read' }, async (request): Promise<Response> => {
  const { ctx } = getApp();
  const parsed = parseAuditQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return errorResponse(400, 'invalid_query', 'the audit query is not valid', parsed.errors);
  return json(await listAudit(ctx.db, parsed.filter));
});
