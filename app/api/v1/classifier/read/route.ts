import { route } from '@/lib/http/handle-route';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { READ_TEXT_BODY_SCHEMA, readText } from '@/lib/classifier-learning/read-text';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** How intake would read a text (the live classifier and the place finder), stored nowhere. */
export const POST = route({ action: 'complaint:classify' }, async (request: Request): Promise<Response> => {
  const { ctx } = getApp();
  const parsed = await readValidBody(
    request,
    64 * 1024,
    READ_TEXT_BODY_SCHEMA,
    'the text to read is not valid',
  );
  if (!parsed.ok) return parsed.response;
  const { text, block } = parsed.data;
  if (block !== undefined && !ctx.reference.blocks.has(block))
    return errorResponse(400, 'invalid_body', 'the text to read is not valid', [
      { field: 'block', message: `"${block}" is not a block code from /api/v1/reference` },
    ]);
  return json(readText(ctx, text, block));
});
