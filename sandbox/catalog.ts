/**
 * The deterministic archive catalog searched by opensearch v2: dense coverage of a few cities plus a
 * worldwide scatter (enough to hit the 10000-result cap). Same seed, same items, same ids.
 */
import { SHOWCASE } from './catalog-showcase.js';
import { rectangle, type Polygon } from './geo.js';
import { mulberry32, uuidFromRand, type Rand } from './prng.js';

export type Constellation = 'SPOT' | 'PHR' | 'PNEO';
export type Mission = 'SPOT' | 'PLEIADES' | 'PLEIADESNEO';
export type AcquisitionType = 'mono' | 'stereo' | 'tristereo';

export const MISSION_OF: Record<Constellation, Mission> = { SPOT: 'SPOT', PHR: 'PLEIADES', PNEO: 'PLEIADESNEO' };

export interface CatalogItem {
  id: string;
  constellation: Constellation;
  platform: string;
  /** The city the item was generated over, or `World` for the scatter. */
  city: string;
  acquisitionDate: string;
  publicationDate: string;
  lastUpdateDate: string;
  cloudCover: number;
  incidenceAngle: number;
  productType: AcquisitionType;
  resolution: number;
  sourceIdentifier: string;
  geometry: Polygon;
}

/** What the showcase list spells out by hand; the rest is derived. */
export type CatalogSeedItem = Pick<
  CatalogItem,
  'id' | 'constellation' | 'platform' | 'city' | 'acquisitionDate' | 'cloudCover' | 'incidenceAngle' | 'productType'
>;

export interface Catalog {
  items: CatalogItem[];
  byId: Map<string, CatalogItem>;
  bySourceIdentifier: Map<string, CatalogItem>;
}

export const CITIES: Record<string, [number, number]> = {
  Paris: [2.3522, 48.8566],
  Toulouse: [1.4442, 43.6047],
  Rotterdam: [4.4777, 51.9244],
  Nairobi: [36.8219, -1.2921],
  Denver: [-104.9903, 39.7392],
  Sydney: [151.2093, -33.8688],
};

/** Footprint size in degrees (lon, lat) and ground resolution per constellation. */
const SENSOR: Record<Constellation, { size: [number, number]; resolution: number; platforms: string[]; since: string }> = {
  SPOT: { size: [0.8, 0.54], resolution: 1.5, platforms: ['SPOT6', 'SPOT7'], since: '2018-01-01' },
  PHR: { size: [0.28, 0.18], resolution: 0.5, platforms: ['PHR1A', 'PHR1B'], since: '2018-01-01' },
  PNEO: { size: [0.2, 0.13], resolution: 0.3, platforms: ['PNEO3', 'PNEO4'], since: '2021-09-01' },
};
const UNTIL = Date.parse('2025-06-30T00:00:00Z');
const PER_CITY_AND_CONSTELLATION = 40;
export const DEFAULT_CATALOG_SIZE = 10_600;

export function buildCatalog(seed: number, size = DEFAULT_CATALOG_SIZE): Catalog {
  const rand = mulberry32(seed * 7919 + 17);
  const fixed: Rand = () => 0.25; // showcase items must not depend on the seed
  const items: CatalogItem[] = SHOWCASE.map((s) => complete(s, CITIES[s.city] as [number, number], 0, fixed));
  const constellations = Object.keys(SENSOR) as Constellation[];
  for (const [city, center] of Object.entries(CITIES)) {
    for (const constellation of constellations) {
      for (let i = 0; i < PER_CITY_AND_CONSTELLATION; i++) items.push(generate(rand, constellation, city, center, 0.15));
    }
  }
  while (items.length < size) {
    const constellation = constellations[Math.floor(rand() * 3)] as Constellation;
    const center: [number, number] = [round(rand() * 340 - 170, 4), round(rand() * 120 - 55, 4)];
    items.push(generate(rand, constellation, 'World', center, 0));
  }
  return {
    items,
    byId: new Map(items.map((i) => [i.id, i])),
    bySourceIdentifier: new Map(items.map((i) => [i.sourceIdentifier, i])),
  };
}

function generate(rand: Rand, constellation: Constellation, city: string, center: [number, number], spread: number): CatalogItem {
  const sensor = SENSOR[constellation];
  const since = Date.parse(`${sensor.since}T00:00:00Z`);
  const day = Math.floor(rand() * ((UNTIL - since) / 86_400_000));
  const time = since + day * 86_400_000 + (9.5 + rand() * 2) * 3_600_000;
  const r = rand();
  const seedItem: CatalogSeedItem = {
    id: uuidFromRand(rand),
    constellation,
    platform: sensor.platforms[Math.floor(rand() * sensor.platforms.length)] as string,
    city,
    acquisitionDate: new Date(Math.round(time)).toISOString(),
    cloudCover: round(rand() ** 2 * 100, 2),
    incidenceAngle: round(rand() * 30, 2),
    productType: r < 0.85 ? 'mono' : r < 0.95 ? 'stereo' : 'tristereo',
  };
  const shift: [number, number] = [center[0] + (rand() - 0.5) * 2 * spread, center[1] + (rand() - 0.5) * 2 * spread];
  return complete(seedItem, shift, rand() * 3, rand);
}

function complete(s: CatalogSeedItem, center: [number, number], publicationLagDays: number, rand: Rand): CatalogItem {
  const sensor = SENSOR[s.constellation];
  const acquired = Date.parse(s.acquisitionDate);
  const published = acquired + (1 + publicationLagDays) * 86_400_000;
  const updated = Math.min(published + Math.floor(rand() * 200) * 86_400_000, UNTIL);
  const [w, h] = sensor.size;
  const stamp = s.acquisitionDate.replace(/[-:T]/g, '').slice(0, 14);
  return {
    ...s,
    publicationDate: new Date(published).toISOString(),
    lastUpdateDate: new Date(Math.max(updated, published)).toISOString(),
    resolution: sensor.resolution,
    sourceIdentifier: `DS_${s.platform}_${stamp}_${s.id.slice(0, 8).toUpperCase()}`,
    geometry: rectangle(round(center[0] - w / 2, 5), round(center[1] - h / 2, 5), round(center[0] + w / 2, 5), round(center[1] + h / 2, 5)),
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
