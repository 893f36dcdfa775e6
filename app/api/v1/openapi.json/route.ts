import { route } from '@/lib/http/handle-route';
import { OPENAPI_DOCUMENT } from '@/lib/http/openapi';

export const dynamic = 'force-static';

export const GET = route((): Response => {
  return Response.json(OPENAPI_DOCUMENT);
});
