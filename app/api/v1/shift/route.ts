import { route } from '@/lib/http/handle-route';
import { json } from '@/lib/http/responses';
import { getShiftSummary } from '@/lib/shift/get-shift-summary';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/**
 * The duty desk's summary: complaints and incidents since the shift began, and what needs a call now (live
 * incidents and very late problems, by residents affected). For those who answer incidents: the whole region.
 */
export const GET = route({ action: 'incident:answer' }, async (): Promise<Response> => {
  return json(await getShiftSummary(getApp().ctx));
});
