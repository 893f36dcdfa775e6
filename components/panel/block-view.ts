import type { BlockPanel } from '@/lib/panels/types';
import type { ConnectionState } from '@/lib/realtime/client/use-wall-feed';
import type { WallState } from '@/lib/realtime/client/wall-state';
import type { Incident } from '@/lib/realtime/contract';
import type { Per10kScale } from './panel-colors';

/** Densities of a block's screen: `wall` for the room (few, large), `desk` for a workstation (everything). */
export const BLOCK_DENSITIES = ['wall', 'desk'] as const;
export type BlockDensity = (typeof BLOCK_DENSITIES)[number];

export function densityOf(value: string | string[] | undefined): BlockDensity {
  return value === 'desk' ? 'desk' : 'wall';
}

/** What both densities draw from: the feed's state and the panel, with the names resolved. */
export interface BlockView {
  block: string;
  title: string;
  state: WallState;
  panel: BlockPanel;
  now: number;
  connection: ConnectionState;
  updatedAt: number;
  ageMs: number;
  stale: boolean;
  per10k: Per10kScale;
  tense: Set<string>;
  categoryOf: (code: string) => string;
  municipalityOf: (oktmo: string | null) => string;
  /** The block's live incidents (`incident:list`); null until the first list. */
  incidents: Incident[] | null;
  /** The layout's `alarmSound`: this screen chimes while an incident of the block is unanswered. */
  alarmSound: boolean;
}
