import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A town of another region: the name residents write and the region it belongs to. */
export interface ForeignTown {
  name: string;
  /** The region's official name, as `ru_regions.geojson` spells it. */
  region: string;
  population: number;
}

/** What the finder knows of the rest of Russia: its regions' names and their towns. */
export interface ForeignReference {
  regions: string[];
  towns: ForeignTown[];
}

/** All the towns (города) of Russia with region and population (hflabs, see public/geo/SOURCES.md). */
const CITIES_FILE = path.join(process.cwd(), 'public', 'geo', 'ru_cities.geojson');

/** The home region and the City of Moscow: neither is «another region» for a Moscow Oblast centre. */
const NOT_FOREIGN = new Set(['Московская область', 'Москва']);

/** Towns inside the City of Moscow that the cities file lists under no region (it lists «Москва» whole). */
const MOSCOW_TOWNS = ['Зеленоград', 'Троицк', 'Щербинка', 'Московский'];

interface CityFeature {
  properties: { name: string; region: string; population: number | null };
}

export function readForeignReference(file = CITIES_FILE): ForeignReference {
  const { features } = JSON.parse(readFileSync(file, 'utf8')) as { features: CityFeature[] };
  const all = features.map((f) => ({
    name: f.properties.name,
    region: f.properties.region,
    population: f.properties.population ?? 0,
  }));
  // «г. Троицк» is Moscow's Troitsk far more often than Chelyabinsk Oblast's: a home name is never foreign.
  const homeNames = new Set([
    ...MOSCOW_TOWNS,
    ...all.filter((t) => NOT_FOREIGN.has(t.region)).map((t) => t.name),
  ]);
  const towns = all.filter((t) => !NOT_FOREIGN.has(t.region) && !homeNames.has(t.name));
  return { regions: [...new Set(towns.map((t) => t.region))], towns };
}

/**
 * Everyday names of regions beside the official ones («Башкирия» for «Республика Башкортостан»,
 * «Кубань» for «Краснодарский край»), keyed by the official name. Hand-written from common usage.
 */
export const REGION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'Республика Башкортостан': ['Башкирия'],
  'Чувашская Республика': ['Чувашия'],
  'Удмуртская Республика': ['Удмуртия'],
  'Республика Саха (Якутия)': ['Якутия', 'Саха'],
  'Кемеровская область — Кузбасс': ['Кузбасс'],
  'Ханты-Мансийский автономный округ — Югра': ['Югра', 'ХМАО'],
  'Ямало-Ненецкий автономный округ': ['ЯНАО', 'Ямал'],
  'Ненецкий автономный округ': ['НАО'],
  'Еврейская автономная область': ['ЕАО'],
  'Краснодарский край': ['Кубань'],
  'Ставропольский край': ['Ставрополье'],
  'Приморский край': ['Приморье'],
  'Забайкальский край': ['Забайкалье'],
  'Пермский край': ['Прикамье'],
  'Чеченская Республика': ['Чечня'],
  'Кабардино-Балкарская Республика': ['Кабардино-Балкария'],
  'Карачаево-Черкесская Республика': ['Карачаево-Черкесия'],
  'Республика Северная Осетия — Алания': ['Северная Осетия', 'Алания'],
  'Чукотский автономный округ': ['Чукотка'],
  'Санкт-Петербург': ['Питер', 'СПб'],
};
