import { boolean, doublePrecision, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { Polygon, MultiPolygon } from 'geojson';

/** The 57 городские округа of Moscow Oblast; the primary key is the 11-digit OKTMO code. */
export const municipalities = pgTable('municipalities', {
  oktmo: text('oktmo').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  adminCenter: text('admin_center').notNull(),
  population: integer('population').notNull(),
  centerLat: doublePrecision('center_lat').notNull(),
  centerLon: doublePrecision('center_lon').notNull(),
  areaKm2: doublePrecision('area_km2').notNull(),
  zato: boolean('zato').notNull(),
  /** GeoJSON geometry (WGS84) of the boundary, © OpenStreetMap contributors (ODbL). */
  boundary: jsonb('boundary').$type<Polygon | MultiPolygon>().notNull(),
});

export type Municipality = typeof municipalities.$inferSelect;
