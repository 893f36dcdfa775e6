import { z } from 'zod';
import { zodFieldErrors } from '@/lib/domain/field-errors';
import { isoDateTimeWithOffset } from '@/lib/domain/iso-date-time';
import { readJsonBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { importHostRefusal } from '@/lib/open311/import-allowed';
import { importOpen311 } from '@/lib/open311/import-requests';
import { isKnownZone } from '@/lib/open311/parse-sloppy-date';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

const BODY_SCHEMA = z.object({
  baseUrl: z.url({ protocol: /^https?$/, message: 'must be an http or https URL' }),
  since: isoDateTimeWithOffset('2026-11-01T00:00:00+03:00').optional(),
  until: isoDateTimeWithOffset('2026-11-22T00:00:00+03:00').optional(),
  serviceMap: z.record(z.string(), z.string({ message: 'must be a category code' })).optional(),
  assumeZone: z
    .string({ message: 'must be a string' })
    .refine(isKnownZone, 'must be an IANA time zone, e.g. Europe/Moscow')
    .optional(),
});

/** Pulls another GeoReport v2 server's requests into intake and answers the import report. */
export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, 256 * 1024);
  if (!body.ok) return body.response;
  const parsed = BODY_SCHEMA.safeParse(body.value);
  if (!parsed.success)
    return errorResponse(
      400,
      'invalid_body',
      'the import request is not valid',
      zodFieldErrors(parsed.error, body.value),
    );
  const refusal = importHostRefusal(parsed.data.baseUrl);
  if (refusal) return errorResponse(403, 'forbidden', refusal, [{ field: 'baseUrl', message: refusal }]);
  const { ctx } = getApp();
  const unknown = Object.entries(parsed.data.serviceMap ?? {}).filter(
    ([, code]) => !ctx.reference.categories.has(code),
  );
  if (unknown.length > 0) {
    return errorResponse(
      400,
      'invalid_body',
      'serviceMap names unknown categories',
      unknown.map(([from, code]) => ({
        field: `serviceMap.${from}`,
        message: `unknown category code "${code}"`,
      })),
    );
  }
  return json(await importOpen311(ctx, parsed.data));
}
