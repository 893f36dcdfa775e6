import { route } from '@/lib/http/handle-route';
import { NEW_SOURCE_KEY_BODY } from '@/lib/identity/request-bodies';
import { clientAddressOf } from '@/lib/server/client-address';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { issueSourceKey } from '@/lib/identity/issue-source-key';
import { listSourceKeys } from '@/lib/identity/list-source-keys';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** Every source key, live and revoked, with its last use; never the key. */
export const GET = route({ action: 'identity:manage' }, async (): Promise<Response> => {
  const { ctx } = getApp();
  return json({ keys: await listSourceKeys(ctx.db) });
});

/** A new key for one source (optionally one region): `{ id, key }`, the key shown this once only. */
export const POST = route({ action: 'identity:manage' }, async (request, actor): Promise<Response> => {
  const { ctx } = getApp();
  const parsed = await readValidBody(request, 8 * 1024, NEW_SOURCE_KEY_BODY, 'the key is not valid');
  if (!parsed.ok) return parsed.response;
  const result = await issueSourceKey(ctx.db, ctx.reference, actor, parsed.data, clientAddressOf(request));
  if (!result.ok) return errorResponse(400, 'invalid_body', 'the key is not valid', result.errors);
  return json(result, 201);
});
