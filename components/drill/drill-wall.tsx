import { notFound } from 'next/navigation';
import { getApp } from '@/lib/server/app-registry';
import { wallNamesOf } from '@/lib/reference/wall-names-of';
import { loadWallConfig } from '@/lib/wall/load-wall-config';
import { getCachedDrillPayload } from '@/lib/drill/drill-cache';
import { DrillReplay } from './drill-replay';

/** Server side of a drill-down: the first snapshot and payload render with the page, the socket follows. */
export async function DrillWall({ oktmo, block }: { oktmo: string; block: string | null }) {
  const { ctx, live, buildId } = getApp();
  const info = ctx.reference.municipalities.get(oktmo);
  const blockInfo = block ? ctx.reference.blocks.get(block) : null;
  if (!info || (block && !blockInfo)) notFound();
  const scope = block ? { block, municipality: oktmo } : { municipality: oktmo };
  const [snapshot, payload] = await Promise.all([
    live.snapshot(scope),
    getCachedDrillPayload(ctx, oktmo, block),
  ]);
  return (
    <DrillReplay
      oktmo={oktmo}
      block={block}
      blockName={blockInfo?.name ?? null}
      initialSnapshot={snapshot}
      initialPayload={payload}
      names={wallNamesOf(ctx.reference)}
      buildId={buildId}
      staleAfterSeconds={loadWallConfig().staleAfterSeconds}
    />
  );
}

/** «Балашиха — ЖКХ — ЦУР Московской области» for the browser tab. */
export function drillTitleOf(oktmo: string, block: string | null): string {
  const { ctx } = getApp();
  const name = ctx.reference.municipalities.get(oktmo)?.shortName ?? 'Округ';
  const blockName = block ? ctx.reference.blocks.get(block)?.name : 'Все блоки';
  return `${name} — ${blockName ?? 'Блок'} — ЦУР Московской области`;
}
