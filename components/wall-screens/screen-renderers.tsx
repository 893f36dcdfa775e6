import type { ReactNode } from 'react';
import { DrillWall } from '@/components/drill/drill-wall';
import { BlockWall } from '@/components/panel/block-wall';
import { RegionWall } from '@/components/wall/region-wall';
import type { ScreenKind, ScreenPanel, ScreenPanelOf } from '@/lib/wall/screen-registry';
import { BriefingWall } from './briefing-wall';
import { FederalWall } from './federal-wall';
import { RevocationWatch } from './revocation-watch';
import { TriageWall } from './triage-wall';

type Renderer<K extends ScreenKind> = (props: { panel: ScreenPanelOf<K> }) => ReactNode;

/**
 * What renders each kind of the screen registry (lib/wall/screen-registry.ts). A mapped type over the kinds:
 * a kind added there without a line here does not compile.
 */
const SCREEN_RENDERERS: { [K in ScreenKind]: Renderer<K> } = {
  region: ({ panel }) => <RegionWall alarmSound={panel.alarmSound} />,
  block: ({ panel }) => <BlockWall block={panel.block} alarmSound={panel.alarmSound} />,
  // These three poll rather than follow the live feed: the watch brings a revoked display back to pairing.
  federal: () => (
    <>
      <RevocationWatch />
      <FederalWall />
    </>
  ),
  triage: () => (
    <>
      <RevocationWatch />
      <TriageWall />
    </>
  ),
  briefing: ({ panel }) => (
    <>
      <RevocationWatch />
      <BriefingWall panel={panel} />
    </>
  ),
  municipality: ({ panel }) => <DrillWall oktmo={panel.oktmo} block={panel.block ?? null} />,
};

/** One configured screen's content, whatever its kind. */
export function ScreenContent({ panel }: { panel: ScreenPanel }) {
  // The map pairs each kind with its own panel type; TypeScript cannot follow that through an index.
  const render = SCREEN_RENDERERS[panel.kind] as Renderer<ScreenKind>;
  return render({ panel });
}
