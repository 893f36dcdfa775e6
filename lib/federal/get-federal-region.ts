import type { Db } from '../../db/client';
import type { RegionDirectory } from './region-directory';
import type { FederalOverview, FederalRegionDetail } from './types';
import type { ReferenceCache } from '../reference/types';
import { getRegionBlocks } from './get-region-blocks';
import { getRegionLatest } from './get-region-latest';

export const REGION_LATEST_LIMIT = 8;

/**
 * One region's card: its row of the network overview, its blocks (today, 7 days, open, overdue) and its
 * newest complaints, masked. Null for a code the directory does not know.
 */
export async function getFederalRegion(
  db: Db,
  directory: RegionDirectory,
  reference: Pick<ReferenceCache, 'blocks'>,
  overview: FederalOverview,
  code: string,
): Promise<FederalRegionDetail | null> {
  const region = overview.regions.find((r) => r.code === code);
  if (!region || !directory.has(code)) return null;
  const days = overview.days;
  const [blocks, latest] = await Promise.all([
    getRegionBlocks(db, code, days[days.length - 1]!, days[0]!),
    getRegionLatest(db, code, REGION_LATEST_LIMIT),
  ]);
  return {
    asOf: overview.asOf,
    region,
    blocks: blocks.map((b) => ({
      code: b.block,
      name: reference.blocks.get(b.block)?.name ?? 'Без блока',
      today: b.today,
      week: b.week,
      open: b.open,
      overdue: b.overdue,
    })),
    latest: latest.map((l) => ({
      id: l.id,
      receivedAt: l.receivedAt,
      block: l.block,
      status: l.status,
      excerpt: l.excerpt,
    })),
  };
}
