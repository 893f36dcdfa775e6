import { route } from '@/lib/http/handle-route';
import { json } from '@/lib/http/responses';
import { recordAudit } from '@/lib/identity/audit';
import { clientAddressOf } from '@/lib/server/client-address';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/**
 * Every screen of the wall, on every node, reloads its page (after a deploy, or a layout file change): the
 * event crosses nodes through the Socket.IO adapter. Answers how many screens this node holds; the others
 * count their own.
 */
export const POST = route({ action: 'identity:manage' }, async (request, actor) => {
  const app = getApp();
  const local = app.reloadScreens();
  await recordAudit(app.ctx.db, {
    actor,
    action: 'screens_reloaded',
    target: 'screens:all',
    address: clientAddressOf(request),
    detail: { node: app.ctx.nodeId, localScreens: local },
  });
  return json({ sent: true, localScreens: local });
});
