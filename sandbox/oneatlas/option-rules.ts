/**
 * The vendor rules on production options, applied per product type of a work order: known keys and
 * values, the HD combinations (seed, verbatim), fullStrip (Neo only), stereo restrictions, pixel coding
 * vs radiometry, and DEM/projection needed for projected and ortho products.
 */
import { ruleError } from '../errors.js';
import { DEMS, isProjection, optionDef, OPTION_DEFS } from './production-options.js';
import type { ProductTypeSeed } from './seed.js';

export const HD_ERROR_DESCRIPTION = 'HD option is true but the product is not compatible with HD';

/** Per-AOI keys: `dem_<aoiId>`, `projection_<aoiId>`; legacy contracts also take a plain `dem` (EODH). */
const PER_AOI = /^(dem|projection)_(\d+)$/;

/**
 * Checks the options sent for `pt` (values already known to be strings) and returns them completed
 * with defaults. `aoiIds` are the AOIs this product type's items use.
 */
export function resolveOptions(pt: ProductTypeSeed, sent: Record<string, string>, aoiIds: number[]): Record<string, string> {
  const neo = pt.mission === 'PLEIADESNEO';
  for (const key of Object.keys(sent)) checkKey(pt, key, aoiIds);
  if (sent.fullStrip === 'true' && !neo) {
    throw ruleError('FULLSTRIP_NOT_AVAILABLE', `fullStrip is only available for Pléiades Neo, not for ${pt.productTypeId}`);
  }
  const resolved: Record<string, string> = { ...sent };
  for (const def of OPTION_DEFS) {
    if (resolved[def.name] !== undefined || (def.neoOnly && !neo)) continue;
    const value = def.defaultFor(pt.mission, resolved);
    if (value !== undefined) resolved[def.name] = value;
  }
  // Seed: with hd = true, *anything* but the two combinations is UNSUPPORTED_HD_OPTIONS_COMBINATION.
  checkHd(resolved);
  for (const [key, value] of Object.entries(sent)) checkValue(pt, key, value);
  checkPixelCoding(resolved);
  checkStereo(pt, resolved);
  checkPerAoi(pt, resolved, aoiIds);
  return resolved;
}

function checkKey(pt: ProductTypeSeed, key: string, aoiIds: number[]): void {
  const perAoi = PER_AOI.exec(key);
  if (perAoi && !aoiIds.includes(Number(perAoi[2]))) {
    throw invalid(`option ${key} names AOI ${perAoi[2]}, which no ${pt.productTypeId} item uses`);
  }
  const known = perAoi || key === 'elevation' || (key === 'dem' && pt.mission !== 'PLEIADESNEO') || optionDef(key);
  if (!known) throw invalid(`unknown production option '${key}'`);
}

function checkValue(pt: ProductTypeSeed, key: string, value: string): void {
  const perAoi = PER_AOI.exec(key);
  if (perAoi || key === 'dem') {
    const ok = perAoi?.[1] === 'projection' ? isProjection(value) : DEMS.includes(value);
    if (!ok) throw invalid(`'${value}' is not a valid value for ${key}`);
    return;
  }
  if (key === 'elevation') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < -100 || n > 10000) throw invalid('elevation must be a number from -100 to 10000');
    return;
  }
  if (key === 'fullStrip' && pt.mission !== 'PLEIADESNEO') return; // FULLSTRIP_NOT_AVAILABLE when "true"
  const def = optionDef(key);
  if (def && !def.values.includes(value)) throw invalid(`'${value}' is not a valid value for ${key} (one of ${def.values.join(', ')})`);
}

/** PPO spec: 8 bits needs display radiometry; 12 and 16 bits need basic or reflectance. */
function checkPixelCoding(o: Record<string, string>): void {
  const display = o.radiometric_processing === 'display';
  if ((o.pixel_coding === '8bits') !== display) {
    throw invalid(`pixel_coding ${o.pixel_coding} does not go with radiometric_processing ${o.radiometric_processing} (8bits needs display)`);
  }
}

/** Seed: only Primary/Bundle/Reflectance and Ortho/Pansharpened/Display; dehazing on; never NITF. */
function checkHd(o: Record<string, string>): void {
  if (o.hd !== 'true') return;
  const primaryBundle =
    o.processing_level === 'primary' &&
    (o.spectral_processing === 'bundle' || o.spectral_processing === 'full_bundle') &&
    o.radiometric_processing === 'reflectance';
  const orthoPansharpened =
    o.processing_level === 'ortho' && o.spectral_processing === 'pansharpened' && o.radiometric_processing === 'display';
  if ((!primaryBundle && !orthoPansharpened) || o.dehazing === 'false' || o.image_format === 'nitf') {
    throw ruleError('UNSUPPORTED_HD_OPTIONS_COMBINATION', HD_ERROR_DESCRIPTION);
  }
}

const NEO_MULTI: Record<string, string[]> = {
  processing_level: ['primary'],
  spectral_processing: ['full_bundle'],
  image_format: ['dimap_jpeg2000_regular', 'dimap_geotiff'],
  pixel_coding: ['12bits'],
  radiometric_processing: ['reflectance'],
};

/** Seed: Neo stereo/tristereo parameters are fixed; SPOT/Pléiades only restrict the processing level. */
function checkStereo(pt: ProductTypeSeed, o: Record<string, string>): void {
  if (pt.mode === 'multi') {
    for (const [key, allowed] of Object.entries(NEO_MULTI)) {
      if (!allowed.includes(o[key] ?? '')) {
        throw ruleError('INVALID_STEREO_PARAMETERS', `${pt.productTypeId} needs ${key} ${allowed.join(' or ')}, not ${o[key]}`);
      }
    }
    if (o.hd === 'true') throw ruleError('INVALID_STEREO_PARAMETERS', 'stereo and tristereo are not available for HD15 products');
  } else if (pt.mode !== 'mono' && !['primary', 'projected'].includes(o.processing_level ?? '')) {
    throw ruleError('INVALID_STEREO_PARAMETERS', `${pt.productTypeId} needs processing_level primary or projected, not ${o.processing_level}`);
  }
}

/** Seed: "Dem and projection are not mandatory for primary, Dem is not mandatory for projected". */
function checkPerAoi(pt: ProductTypeSeed, o: Record<string, string>, aoiIds: number[]): void {
  const level = o.processing_level;
  if (level === 'primary') return;
  for (const id of aoiIds) {
    if (o[`projection_${id}`] === undefined) throw invalid(`projection_${id} is required when processing_level is ${level}`);
    const hasDem = o[`dem_${id}`] !== undefined || (pt.mission !== 'PLEIADESNEO' && o.dem !== undefined);
    if (level === 'ortho' && !hasDem) throw invalid(`dem_${id} is required when processing_level is ortho`);
  }
}

function invalid(description: string) {
  return ruleError('INVALID_OPTION', description);
}
