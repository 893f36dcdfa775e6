import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { blocks, categories, executors, municipalities, routingRules, sources } from '../../db/schema';
import type { Executor, RoutingRule } from '../domain/routing-types';
import type { MunicipalityInfo, ReferenceCache } from './types';

export async function loadReference(db: Db): Promise<ReferenceCache> {
  const [blockRows, sourceRows, categoryRows, municipalityRows, executorRows, ruleRows] = await Promise.all([
    db.select().from(blocks).orderBy(asc(blocks.sortOrder)),
    db.select().from(sources).orderBy(asc(sources.sortOrder)),
    db.select().from(categories).orderBy(asc(categories.code)),
    db
      .select({
        oktmo: municipalities.oktmo,
        name: municipalities.name,
        shortName: municipalities.shortName,
        adminCenter: municipalities.adminCenter,
        population: municipalities.population,
        centerLat: municipalities.centerLat,
        centerLon: municipalities.centerLon,
        areaKm2: municipalities.areaKm2,
        zato: municipalities.zato,
      })
      .from(municipalities)
      .orderBy(asc(municipalities.shortName)),
    db.select().from(executors),
    db.select().from(routingRules).orderBy(asc(routingRules.position)),
  ]);
  const executorList: Executor[] = executorRows.map((e) => ({
    code: e.code,
    name: e.name,
    shortName: e.shortName,
    kind: e.kind,
    blocks: e.blocks,
    ...(e.municipalityOktmo ? { oktmo: e.municipalityOktmo } : {}),
  }));
  const rules: RoutingRule[] = ruleRows.map((r) => ({
    id: r.id,
    target: r.target,
    reason: r.reason,
    ...(r.categories ? { categories: r.categories } : {}),
    ...(r.blockCode ? { block: r.blockCode } : {}),
    ...(r.municipalities ? { municipalities: r.municipalities } : {}),
  }));
  return {
    blocks: new Map(blockRows.map((r) => [r.code, r])),
    sources: new Map(sourceRows.map((r) => [r.code, r])),
    categories: new Map(categoryRows.map((r) => [r.code, r])),
    municipalities: new Map(municipalityRows.map((r: MunicipalityInfo) => [r.oktmo, r])),
    executors: new Map(executorList.map((e) => [e.code, e])),
    routingRules: rules,
  };
}
