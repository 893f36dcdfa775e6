import type { Db } from '../../../db/client';
import type { WallScope } from '../../../lib/realtime/contract';
import { getOpenCells } from '../../../lib/queries/get-open-cells';
import { getOpenCellsRaw } from './get-open-cells-raw';
import { getSummary, type Summary } from '../../../lib/queries/get-summary';
import { getSummaryRaw } from './get-summary-raw';

/** A panel query in both forms: from the rollups (what the wall uses) and from the raw rows (the reference). */
export interface PanelQuery {
  name: string;
  scope: WallScope;
  fromRollups: (db: Db, now: Date) => Promise<unknown>;
  fromRaw: (db: Db, now: Date) => Promise<unknown>;
}

/**
 * Compared without the count time and without the week-ago backlog: the rollup reads that from the hourly record
 * (null before recording began), checked against the event history by its own test.
 */
const withoutAsOf = (s: Summary) => ({
  ...s,
  asOf: undefined,
  weekAgo: { ...s.weekAgo, open: undefined, overdue: undefined },
});

function summaryQuery(name: string, scope: WallScope): PanelQuery {
  return {
    name,
    scope,
    fromRollups: async (db, now) => withoutAsOf(await getSummary(db, scope, now)),
    fromRaw: async (db, now) => withoutAsOf(await getSummaryRaw(db, scope, now)),
  };
}

function cellsQuery(name: string, scope: WallScope): PanelQuery {
  return {
    name,
    scope,
    fromRollups: (db, now) => getOpenCells(db, scope, now),
    fromRaw: (db, now) => getOpenCellsRaw(db, scope, now),
  };
}

/** Every query behind the wall's panels; the benchmark times both forms, tests check they agree. */
export const PANEL_QUERIES: PanelQuery[] = [
  summaryQuery('summary:region', {}),
  summaryQuery('summary:block=housing', { block: 'housing' }),
  summaryQuery('summary:municipality=Балашиха', { municipality: '46704000000' }),
  summaryQuery('summary:block=transport,municipality=Подольск', {
    block: 'transport',
    municipality: '46760000000',
  }),
  cellsQuery('open-cells:region', {}),
  cellsQuery('open-cells:block=housing', { block: 'housing' }),
  cellsQuery('open-cells:municipality=Балашиха', { municipality: '46704000000' }),
];
