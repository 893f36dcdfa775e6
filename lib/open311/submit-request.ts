import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context';
import type { ComplaintInput } from '../ingest/types';
import type { FieldError } from '../domain/field-errors';
import { recordComplaints } from '../ingest/record-complaints';
import { getOpen311Requests } from './get-open311-requests';
import { parseNewRequest } from './parse-new-request';
import { deadlineNotice } from './to-georeport-request';
import type { GeoReportCreated } from './types';

export type SubmitResult =
  { ok: true; created: boolean; reply: GeoReportCreated } | { ok: false; errors: FieldError[] };

/** Intake's field names → the GeoReport names the client sent. */
const FIELD_NAMES: Record<string, string> = {
  source: 'api_key',
  externalId: 'service_request_id',
  text: 'description',
  lon: 'long',
  address: 'address_string',
  category: 'service_code',
  block: 'service_code',
};

/**
 * A GeoReport POST through the one intake path. `sourceCode` is the channel the caller's api_key speaks for.
 * Throws OverloadedError (nothing stored) when the writer is full.
 */
export async function submitOpen311Request(
  ctx: AppContext,
  sourceCode: string,
  fields: Record<string, unknown>,
): Promise<SubmitResult> {
  const parsed = parseNewRequest(fields, ctx.reference);
  if (!parsed.ok) return parsed;
  const r = parsed.value;
  const clientId = r.service_request_id ?? (r.device_id && r.token ? `${r.device_id}:${r.token}` : undefined);
  // No attachment column: the photo link travels in the text, where the operator sees it.
  const text = r.media_url ? `${r.description}\n\nФото заявителя: ${r.media_url}` : r.description;
  const item: ComplaintInput = {
    source: sourceCode,
    externalId: clientId ?? randomUUID(),
    receivedAt: ctx.now().toISOString(),
    text,
    category: r.service_code,
    ...(r.lat !== undefined && r.long !== undefined ? { lat: r.lat, lon: r.long } : {}),
    ...(r.address_string !== undefined ? { address: r.address_string } : {}),
  };
  const [result] = await recordComplaints(ctx, [item]);
  if (!result || result.status === 'rejected' || result.id === undefined) {
    const errors = (result?.errors ?? [{ field: '', message: 'refused by intake' }]).map((e) => ({
      field: FIELD_NAMES[e.field] ?? e.field,
      message: e.message,
    }));
    return { ok: false, errors };
  }
  const [row] = await getOpen311Requests(ctx.db, { ids: [result.id], limit: 1, offset: 0 });
  const notice = row ? deadlineNotice(row.dueAt) : 'Обращение принято';
  return {
    ok: true,
    created: result.status === 'created',
    reply: { service_request_id: String(result.id), service_notice: notice, account_id: null },
  };
}
