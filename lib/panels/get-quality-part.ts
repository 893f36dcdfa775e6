import type { Db } from '../../db/client';
import { getExecutorQuality, type QualityRow } from '../queries/get-executor-quality';
import { getMunicipalityQuality } from '../queries/get-municipality-quality';
import type { ReferenceCache } from '../reference/types';
import { EXECUTOR_LIST_LIMIT, QUALITY_WINDOW_DAYS, type QualityPart } from './types';
import { lastMoscowDates } from '../domain/moscow-time';

function total(rows: QualityRow[]): QualityPart['total'] {
  const resolved = rows.reduce((s, r) => s + r.resolved, 0);
  const onTime = rows.reduce((s, r) => s + r.resolvedOnTime, 0);
  const reopened = rows.reduce((s, r) => s + r.reopened, 0);
  return {
    resolved,
    onTimeRate: resolved > 0 ? onTime / resolved : null,
    reopenRate: resolved > 0 ? reopened / resolved : null,
  };
}

/** Executor punctuality and reopen rates of a block over the last QUALITY_WINDOW_DAYS Moscow days. */
export async function getQualityPart(
  db: Db,
  reference: ReferenceCache,
  block: string,
  now: Date,
): Promise<QualityPart> {
  const dates = lastMoscowDates(now, QUALITY_WINDOW_DAYS);
  const scope = { blockCode: block, fromDate: dates[0]!, toDate: dates.at(-1)! };
  const [executors, municipalities] = await Promise.all([
    getExecutorQuality(db, scope, now),
    getMunicipalityQuality(db, scope),
  ]);
  return {
    windowDays: QUALITY_WINDOW_DAYS,
    executors: executors.slice(0, EXECUTOR_LIST_LIMIT).map((e) => ({
      code: e.code,
      name: reference.executors.get(e.code)?.shortName ?? e.code,
      resolved: e.resolved,
      onTimeRate: e.onTimeRate,
      reopenRate: e.reopenRate,
      openNow: e.openNow,
      overdueNow: e.overdueNow,
    })),
    municipalities: municipalities.map((m) => ({
      oktmo: m.code,
      resolved: m.resolved,
      onTimeRate: m.onTimeRate,
      reopenRate: m.reopenRate,
    })),
    total: total(executors),
  };
}
