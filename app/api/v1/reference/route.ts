import { route } from '@/lib/http/handle-route';
import { json } from '@/lib/http/responses';
import { referencePayload } from '@/lib/reference/reference-payload';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** Blocks, categories, municipalities and sources: the codes every other endpoint takes. */
export const GET = route({ action: 'wall:read' }, (): Response => {
  return json(referencePayload(getApp().ctx.reference));
});
