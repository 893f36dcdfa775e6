import { route } from '@/lib/http/handle-route';
import { clientAddressOf } from '@/lib/server/client-address';
import { recordAudit } from '@/lib/identity/audit';
import type { Actor } from '@/lib/domain/access';
import { zodFieldErrors } from '@/lib/domain/field-errors';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { importRefusal } from '@/lib/open311/import-allowed';
import {
  OPEN311_SERVICES_CONFIRM_SCHEMA,
  OPEN311_SERVICES_QUERY_SCHEMA,
  OPEN311_SERVICES_READ_SCHEMA,
} from '@/lib/open311/import-body';
import { confirmServiceMappings } from '@/lib/open311/confirm-service-mappings';
import { listServiceMappings } from '@/lib/open311/list-service-mappings';
import { proposeServiceMappings } from '@/lib/open311/propose-service-mappings';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** The services read from other GeoReport servers (`?host=` one server's) with proposed and confirmed categories. */
export const GET = route({ action: 'import:run' }, async (request: Request): Promise<Response> => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = OPEN311_SERVICES_QUERY_SCHEMA.safeParse(query);
  if (!parsed.success)
    return errorResponse(400, 'invalid_query', 'the query is not valid', zodFieldErrors(parsed.error, query));
  return json({ services: await listServiceMappings(getApp().ctx.db, parsed.data.host) });
});

/** Reads a server's services list and proposes a category of ours for each service (stored as proposed). */
export const POST = route(
  { action: 'import:run' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const parsed = await readValidBody(
      request,
      16 * 1024,
      OPEN311_SERVICES_READ_SCHEMA,
      'the request is not valid',
    );
    if (!parsed.ok) return parsed.response;
    const refusal = await importRefusal(parsed.data.baseUrl);
    if (refusal) return errorResponse(403, 'forbidden', refusal, [{ field: 'baseUrl', message: refusal }]);
    const { ctx } = getApp();
    const read = await proposeServiceMappings(ctx, parsed.data);
    await recordAudit(ctx.db, {
      actor,
      action: 'open311_services_read',
      target: `open311:${new URL(parsed.data.baseUrl).host}`,
      outcome: read.ok ? 'ok' : 'failed',
      address: clientAddressOf(request),
      detail: read.ok ? { services: read.services.length } : {},
    });
    if (!read.ok)
      return errorResponse(502, 'upstream_failed', read.error, [{ field: 'baseUrl', message: read.error }]);
    return json({ host: read.sourceHost, services: read.services });
  },
);

/** An admin confirms (or sets aside) the categories of a server's services; imports then use them. */
export const PUT = route(
  { action: 'import:run' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const parsed = await readValidBody(
      request,
      256 * 1024,
      OPEN311_SERVICES_CONFIRM_SCHEMA,
      'the decisions are not valid',
    );
    if (!parsed.ok) return parsed.response;
    const outcome = await confirmServiceMappings(
      getApp().ctx,
      actor,
      parsed.data.host,
      parsed.data.mappings,
      clientAddressOf(request),
    );
    if (!outcome.ok) return errorResponse(400, 'invalid_body', 'the decisions are not valid', outcome.errors);
    return json({ host: parsed.data.host, services: outcome.services });
  },
);
