import { getApp } from '@/lib/server/app-registry';
import { wallNamesOf } from '@/lib/reference/wall-names-of';
import { loadWallConfig } from '@/lib/wall/load-wall-config';
import type { WallScope } from '@/lib/realtime/contract';
import { WallScreen } from './wall-screen';
import { PlaybackProvider } from '@/components/playback/playback-context';

const REGION_SCOPE: WallScope = {};

/** Server side of the region overview: the first snapshot renders with the page, the socket follows. */
export async function RegionWall({ alarmSound = false }: { alarmSound?: boolean } = {}) {
  const { ctx, live, buildId } = getApp();
  const snapshot = await live.snapshot(REGION_SCOPE);
  return (
    <PlaybackProvider scope={REGION_SCOPE} variant="wall">
      <WallScreen
        title="Московская область"
        subtitle="Обращения жителей · все блоки"
        scope={REGION_SCOPE}
        initialSnapshot={snapshot}
        names={wallNamesOf(ctx.reference)}
        buildId={buildId}
        staleAfterSeconds={loadWallConfig().staleAfterSeconds}
        alarmSound={alarmSound}
      />
    </PlaybackProvider>
  );
}
