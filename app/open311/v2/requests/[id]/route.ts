import { georeportAnswer, route } from '@/lib/http/handle-route';
import type { Actor } from '@/lib/domain/access';
import { json } from '@/lib/http/responses';
import { georeportError } from '@/lib/open311/georeport-error';
import { toGeoReportRequest } from '@/lib/open311/to-georeport-request';
import { getOpen311Requests } from '@/lib/open311/get-open311-requests';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** GeoReport v2 single request: `/requests/123.json` arrives here as id "123.json". */
export const GET = route(
  { public: 'GeoReport v2 request, masked' },
  async (
    _request: Request,
    _actor: Actor,
    { params }: { params: Promise<{ id: string }> },
  ): Promise<Response> => {
    const { id } = await params;
    const match = /^(\d{1,15})\.json$/.exec(id);
    if (!match) {
      return georeportError(400, [
        { field: 'service_request_id', message: `must be a numeric id followed by .json, got "${id}"` },
      ]);
    }
    const { ctx } = getApp();
    const rows = await getOpen311Requests(ctx.db, { ids: [Number(match[1])], limit: 1, offset: 0 });
    if (rows.length === 0) {
      return georeportError(404, [{ field: 'service_request_id', message: `no request ${match[1]}` }]);
    }
    return json(rows.map(toGeoReportRequest));
  },
  georeportAnswer,
);
