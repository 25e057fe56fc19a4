/**
 * The `orders:` entries for picked catalogue hits: one OneAtlas archive order per hit over the searched AOI
 * (mono, or the stereo/tristereo product type for a stereo/tristereo item), on a declared contract of the
 * right backend, with production options and ordering fields that pass `validate` (to be adjusted by the user).
 */
import type { Skeleton, SkeletonContext } from '../../core/search.js';
import type { Backend, Mission, OneAtlasProvider, Polygon } from '../../model.js';
import type { SearchHit } from './catalog-search.js';
import { backendOfMission, MULTI_PRODUCT_TYPES } from './rules.js';

const MONO_PRODUCT_TYPE: Record<Mission, string> = {
  PLEIADES: 'PleiadesArchiveMono',
  SPOT: 'SPOTArchive1.5Mono',
  PLEIADESNEO: 'PleiadesNeoArchiveMono',
};

/** Production every mono archive of the backend accepts (Neo: its restricted primary set, which its stereo takes too). */
const PRODUCTION: Record<Backend, Record<string, string>> = {
  legacy: { processingLevel: 'ortho', spectralProcessing: 'pansharpened', imageFormat: 'dimap_geotiff', pixelCoding: '8bits', radiometricProcessing: 'display' },
  neo: { processingLevel: 'primary', spectralProcessing: 'full_bundle', imageFormat: 'dimap_jpeg2000_regular', pixelCoding: '12bits', radiometricProcessing: 'reflectance' },
};

/** SPOT/Pléiades stereo and tristereo take primary or projected only (seed): primary, no DEM or projection needed. */
const LEGACY_MULTI_PRODUCTION = { processingLevel: 'primary', spectralProcessing: 'bundle', imageFormat: 'dimap_jpeg2000_regular', pixelCoding: '12bits', radiometricProcessing: 'basic' };

export function orderEntries(hits: readonly SearchHit[], ctx: SkeletonContext<OneAtlasProvider>): Skeleton {
  const orders: Record<string, unknown> = {};
  const missing = new Set<Backend>();
  for (const hit of hits) {
    if (!hit.mission) continue;
    const backend = backendOfMission(hit.mission);
    const contract = ctx.settings?.contracts.find((c) => c.backend === backend);
    if (!contract) missing.add(backend);
    let key = `${ctx.aoiName}-${hit.constellation.toLowerCase()}-${hit.acquisitionDate.slice(0, 10).replaceAll('-', '')}`.slice(0, 60);
    for (let i = 2; key in orders; i++) key = `${key.replace(/-\d+$/, '')}-${i}`;
    const mono = hit.mode === 'mono';
    const legacyProduction = mono ? { ...PRODUCTION.legacy, dem: { [ctx.aoiName]: 'best_available' }, projection: { [ctx.aoiName]: utmEpsg(ctx.polygon) } } : LEGACY_MULTI_PRODUCTION;
    orders[key] = {
      vendor: 'oneatlas',
      contract: contract?.name ?? `your-${backend}-contract`,
      productType: hit.mode === 'mono' ? MONO_PRODUCT_TYPE[hit.mission] : MULTI_PRODUCT_TYPES[hit.mission][hit.mode],
      // PleiadesNeoArchiveMulti serves both: the mode says which.
      ...(mono ? {} : { mode: hit.mode }),
      aois: { [ctx.aoiName]: { geometry: structuredClone(ctx.aoi) } },
      items: [{ catalogItemId: hit.id }],
      production: backend === 'legacy' ? legacyProduction : PRODUCTION.neo,
      primaryMarket: 'CARTO',
      endUser: { name: 'Your organisation', country: 'FR' },
    };
  }
  const shown = hits.map((h) => `${h.index}: ${h.platform} ${h.acquisitionDate.slice(0, 10)}`).join(', ');
  const notes = [
    ` From orderform search (${shown}). Check primaryMarket, endUser and production`,
    ' (see `orderform discover`), then run `orderform plan`.',
    ...[...missing].map((b) => ` No ${b} contract is declared: run \`orderform discover --write\` or set the contract name.`),
  ];
  return { orders, notes };
}

/** The WGS 84 / UTM zone of the AOI's first vertex, as an EPSG code (326zz north, 327zz south). */
function utmEpsg(polygon: Polygon): string {
  const [lon = 0, lat = 0] = polygon.coordinates[0]?.[0] ?? [];
  const zone = Math.min(60, Math.floor((lon + 180) / 6) + 1);
  return `${lat >= 0 ? 326 : 327}${String(zone).padStart(2, '0')}`;
}

