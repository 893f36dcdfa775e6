import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../client';
import { allExecutors } from './executors';
import { ROUTING_RULES } from './routing-rules';
import { blocks, categories, executors, municipalities, routingRules, sources } from '../schema';
import { BLOCKS } from './blocks';
import { CATEGORIES } from './categories';
import { SOURCES } from './sources';

interface MunicipalityProps {
  oktmo: string;
  name: string;
  short_name: string;
  admin_center: string;
  population: number;
  center_lat: number;
  center_lon: number;
  area_km2: number;
  zato: boolean;
}

const BOUNDARIES_FILE = path.join(process.cwd(), 'public', 'geo', 'mo_municipalities.geojson');

function readMunicipalities(): (typeof municipalities.$inferInsert)[] {
  const collection = JSON.parse(readFileSync(BOUNDARIES_FILE, 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    MunicipalityProps
  >;
  return collection.features.map(({ properties: p, geometry }) => ({
    oktmo: p.oktmo,
    name: p.name,
    shortName: p.short_name,
    adminCenter: p.admin_center,
    population: p.population,
    centerLat: p.center_lat,
    centerLon: p.center_lon,
    areaKm2: p.area_km2,
    zato: p.zato,
    boundary: geometry,
  }));
}

/** `excluded.<column>` for every listed column: an upsert that refreshes the row from the seed. */
function refreshed(columns: string[]) {
  return Object.fromEntries(columns.map((c) => [c, sql.raw(`excluded.${c}`)]));
}

/**
 * Upserts blocks, sources, categories, the 57 municipalities and the executor directory; safe to run on every
 * start. Routing rules are seeded only into an empty table: after that they are the center's data to edit.
 */
export async function seedReference(db: Db): Promise<void> {
  const municipalityRows = readMunicipalities();
  await db.transaction(async (tx) => {
    await tx
      .insert(blocks)
      .values(BLOCKS)
      .onConflictDoUpdate({ target: blocks.code, set: refreshed(['name', 'name_en', 'sort_order']) });
    await tx
      .insert(sources)
      .values(SOURCES)
      .onConflictDoUpdate({ target: sources.code, set: refreshed(['name', 'name_en', 'sort_order']) });
    await tx
      .insert(categories)
      .values(CATEGORIES)
      .onConflictDoUpdate({
        target: categories.code,
        set: refreshed([
          'block_code',
          'name',
          'deadline_hours',
          'deadline_working_days',
          'kind',
          'duplicate_radius_m',
          'duplicate_window_hours',
        ]),
      });
    await tx
      .insert(municipalities)
      .values(municipalityRows)
      .onConflictDoUpdate({
        target: municipalities.oktmo,
        set: refreshed([
          'name',
          'short_name',
          'admin_center',
          'population',
          'center_lat',
          'center_lon',
          'area_km2',
          'zato',
          'boundary',
        ]),
      });
    await tx
      .insert(executors)
      .values(
        allExecutors(municipalityRows).map((e) => ({
          code: e.code,
          name: e.name,
          shortName: e.shortName,
          kind: e.kind,
          blocks: e.blocks ?? [],
          municipalityOktmo: e.oktmo ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: executors.code,
        set: refreshed(['name', 'short_name', 'kind', 'blocks', 'municipality_oktmo']),
      });
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(routingRules)) as [
      { n: number },
    ];
    if (Number(n) === 0) {
      await tx.insert(routingRules).values(
        ROUTING_RULES.map((r, position) => ({
          id: r.id,
          position,
          categories: r.categories ?? null,
          blockCode: r.block ?? null,
          municipalities: r.municipalities ?? null,
          target: r.target,
          reason: r.reason,
        })),
      );
    }
  });
}
