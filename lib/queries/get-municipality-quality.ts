import type { Db } from '../../db/client';
import { sumQuality, type QualityRow, type QualityScope } from './get-executor-quality';

/** Reopen and on-time rates per municipality over the window (all its executors together), by OKTMO. */
export async function getMunicipalityQuality(
  db: Db,
  scope: Omit<QualityScope, 'municipalityOktmo'>,
): Promise<QualityRow[]> {
  const rows = await sumQuality(db, scope, 'municipality_oktmo');
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}
