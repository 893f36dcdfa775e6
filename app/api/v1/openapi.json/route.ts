import { OPENAPI_DOCUMENT } from '@/lib/http/openapi';

export const dynamic = 'force-static';

export function GET(): Response {
  return Response.json(OPENAPI_DOCUMENT);
}
