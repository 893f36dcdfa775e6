import { route } from '@/lib/http/handle-route';
import { OPENAPI_DOCUMENT } from '@/lib/http/openapi';

export const dynamic = 'force-static';

export const GET = route({ public: 'the API description' }, (): Response => {
  return Response.json(OPENAPI_DOCUMENT);
});
