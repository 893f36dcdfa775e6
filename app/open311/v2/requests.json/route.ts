import { georeportAnswer, route } from '@/lib/http/handle-route';
import { can, type Actor } from '@/lib/domain/access';
import { HOME_REGION } from '@/lib/domain/home-region';
import { json } from '@/lib/http/responses';
import { isOverloaded } from '@/lib/commit/write-queue';
import { verifyApiKey } from '@/lib/open311/api-keys';
import { georeportError } from '@/lib/open311/georeport-error';
import { readPostBody } from '@/lib/open311/read-post-body';
import { parseRequestFilters } from '@/lib/open311/request-filters';
import { submitOpen311Request } from '@/lib/open311/submit-request';
import { toGeoReportRequest } from '@/lib/open311/to-georeport-request';
import { getOpen311Requests } from '@/lib/open311/get-open311-requests';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** GeoReport v2 request search, newest first; `page`/`page_size` are our extension. */
export const GET = route(
  { public: 'GeoReport v2 request search, masked' },
  async (request: Request): Promise<Response> => {
    const { ctx } = getApp();
    const parsed = parseRequestFilters(new URL(request.url).searchParams, ctx.reference, ctx.now());
    if (!parsed.ok) return georeportError(400, parsed.errors);
    const rows = await getOpen311Requests(ctx.db, parsed.filter);
    return json(rows.map(toGeoReportRequest));
  },
  georeportAnswer,
);

/** GeoReport v2 request creation, on behalf of the source the api_key speaks for. */
export const POST = route(
  { public: 'GeoReport v2 creation; checks its own api_key or bearer source key' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const body = await readPostBody(request);
    if (!body.ok) return georeportError(body.status, body.errors);
    const { ctx } = getApp();
    let sourceKey = actor.kind === 'source' ? actor : null;
    if (!sourceKey) {
      const key = body.fields.api_key;
      if (typeof key !== 'string' || key.trim() === '')
        return georeportError(403, [
          { field: 'api_key', message: 'is required (or send Authorization: Bearer <source key>)' },
        ]);
      sourceKey = await verifyApiKey(ctx.db, key.trim());
      if (!sourceKey) return georeportError(403, [{ field: 'api_key', message: 'is unknown or revoked' }]);
    }
    // GeoReport requests are the home region's: a key limited to another region may not post them.
    const decision = can(sourceKey, 'complaint:create', { source: sourceKey.source, region: HOME_REGION });
    if (!decision.ok) return georeportError(403, [{ field: 'api_key', message: decision.reason }]);
    const sourceCode = sourceKey.source;

    let result;
    try {
      result = await submitOpen311Request(ctx, sourceCode, body.fields);
    } catch (error) {
      if (!isOverloaded(error)) throw error;
      return georeportError(
        503,
        [
          {
            field: 'body',
            message: `not stored; the intake is busy, retry after ${error.retryAfterSeconds} s`,
          },
        ],
        { 'retry-after': String(error.retryAfterSeconds) },
      );
    }
    if (!result.ok) return georeportError(400, result.errors);
    return json([result.reply], result.created ? 201 : 200);
  },
  georeportAnswer,
);
