import { notFound } from 'next/navigation';
import { getApp } from '@/lib/server/app-registry';
import { wallNamesOf } from '@/lib/reference/wall-names-of';
import { loadWallConfig } from '@/lib/wall/load-wall-config';
import { BlockScreen } from './block-screen';
import type { BlockDensity } from './block-view';

/** Server side of a block's panel: the first snapshot and panel render with the page, the socket follows. */
export async function BlockWall({
  block,
  density = 'wall',
  alarmSound = false,
}: {
  block: string;
  density?: BlockDensity;
  /** The layout's `alarmSound` for this screen. */
  alarmSound?: boolean;
}) {
  const { ctx, live, panels, buildId } = getApp();
  const info = ctx.reference.blocks.get(block);
  if (!info) notFound();
  const [snapshot, panel] = await Promise.all([live.snapshot({ block }), panels.get(block)]);
  return (
    <BlockScreen
      block={block}
      title={info.name}
      initialSnapshot={snapshot}
      initialPanel={panel}
      names={wallNamesOf(ctx.reference)}
      buildId={buildId}
      staleAfterSeconds={loadWallConfig().staleAfterSeconds}
      density={density}
      alarmSound={alarmSound}
    />
  );
}
