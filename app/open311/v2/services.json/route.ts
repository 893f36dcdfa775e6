import { georeportAnswer, route } from '@/lib/http/handle-route';
import { json } from '@/lib/http/responses';
import { listServices } from '@/lib/open311/services';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** GeoReport v2 service list: our complaint categories, grouped by sector block. */
export const GET = route(
  { public: 'GeoReport v2 service list' },
  (): Response => {
    return json(listServices(getApp().ctx.reference));
  },
  georeportAnswer,
);
