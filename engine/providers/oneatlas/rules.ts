/**
 * OneAtlas vendor rules, checked offline before any call (and again before apply): pure functions
 * over normalized specs returning diagnostics. Each rule has its own code. A diagnostic's path names
 * the config field at fault (e.g. `orders.x.production.hd`), so the loader can point at its line.
 */
import { error, type Diagnostic, type SourceLocation } from '../../diagnostics.js';
import type { AcquisitionMode, AlertSpec, Backend, Mission, OneAtlasOrderSpec, QuotationDecisionSpec, ResourceSpec } from '../../model.js';

/** Primary markets of the PPO spec's enum (oneatlas-detailed.md §3.4): examples only; plan checks the contract's own list. */
export const PRIMARY_MARKETS = [
  'AGRI', 'GENIE', 'GDPUBLIC', 'DEFSEC', 'DISTRI', 'RISQUE', 'ENERGIE', 'ENV', 'FORET', 'SANTE', 'ASSUR',
  'IOT', 'CARTO', 'MARITIME', 'PRESSE', 'MOBIL', 'AUTRE', 'TELECOM', 'TOURISME', 'TRANSPORT', 'NQUAL',
] as const;

/** The product type ids for stereo and tristereo archive orders, per mission (seed). */
export const MULTI_PRODUCT_TYPES: Record<Mission, Record<Exclude<AcquisitionMode, 'mono'>, string>> = {
  PLEIADES: { stereo: 'PleiadesArchiveStereo', tristereo: 'PleiadesArchiveTristereo' },
  SPOT: { stereo: 'SPOTArchive1.5Stereo', tristereo: 'SPOTArchive1.5Tristereo' },
  PLEIADESNEO: { stereo: 'PleiadesNeoArchiveMulti', tristereo: 'PleiadesNeoArchiveMulti' },
};

/** A stereo/tristereo catalogue item is the whole set (the vendor prices the set): what one item carries. */
const SET_OF: Record<Exclude<AcquisitionMode, 'mono'>, string> = { stereo: 'pair', tristereo: 'triplet' };

/** The option sets HD works with (seed): processing level / spectral processing / radiometry. */
const HD_COMBINATIONS = [
  ['primary', 'bundle', 'reflectance'],
  ['primary', 'full_bundle', 'reflectance'],
  ['ortho', 'pansharpened', 'display'],
];

/** Pléiades Neo stereo and tristereo accept only these production values. */
const NEO_MULTI_OPTIONS: Record<string, string[]> = {
  processing_level: ['primary'],
  spectral_processing: ['full_bundle'],
  image_format: ['dimap_jpeg2000_regular', 'dimap_geotiff'],
  pixel_coding: ['12bits'],
  radiometric_processing: ['reflectance'],
};

const LEGACY_MULTI_LEVELS = ['primary', 'projected'];

/** The `production` fields that set a wire option, and the option each sets (the config loader writes them so). */
export const WIRE_OPTION_OF: Record<string, string> = {
  processingLevel: 'processing_level',
  spectralProcessing: 'spectral_processing',
  imageFormat: 'image_format',
  pixelCoding: 'pixel_coding',
  radiometricProcessing: 'radiometric_processing',
  hd: 'hd',
  dehazing: 'dehazing',
  fullStrip: 'fullStrip',
  licence: 'licence',
  priority: 'priority',
};

/** Wire option key → the field of `production` that sets it. */
const OPTION_FIELDS: Record<string, string> = Object.fromEntries(Object.entries(WIRE_OPTION_OF).map(([field, key]) => [key, field]));

export function missionOfProductType(productTypeId: string): Mission | null {
  if (/^PleiadesNeo/i.test(productTypeId)) return 'PLEIADESNEO';
  if (/^Pleiades/i.test(productTypeId)) return 'PLEIADES';
  if (/^SPOT/i.test(productTypeId)) return 'SPOT';
  return null;
}

/** The mode a product type implies; null for PleiadesNeoArchiveMulti (stereo or tristereo). */
export function modeOfProductType(productTypeId: string): AcquisitionMode | null {
  if (/Tristereo$/i.test(productTypeId)) return 'tristereo';
  if (/Stereo$/i.test(productTypeId)) return 'stereo';
  if (/Multi$/i.test(productTypeId)) return null;
  return 'mono';
}

export function backendOfMission(mission: Mission): Backend {
  return mission === 'PLEIADESNEO' ? 'neo' : 'legacy';
}

/** A location below a resource: same line (refined by the loader), deeper path. */
function below(spec: ResourceSpec, ...fields: string[]): SourceLocation {
  return { ...spec.source, path: [spec.source.path, ...fields].join('.') };
}

/** The config field that sets a wire option (`dem_2` → `production.dem.<name of AOI 2>`, others under `production.options`). */
export function optionField(spec: OneAtlasOrderSpec, key: string): string {
  const perAoi = /^(dem|projection)_(\d+)$/.exec(key);
  if (perAoi) return `production.${perAoi[1]}.${spec.aois.find((a) => a.id === Number(perAoi[2]))?.name ?? perAoi[2]}`;
  return OPTION_FIELDS[key] ? `production.${OPTION_FIELDS[key]}` : `production.options.${key}`;
}

function checkOneAtlasOrder(spec: OneAtlasOrderSpec): Diagnostic[] {
  return [
    ...checkContract(spec),
    ...checkHd(spec),
    ...checkPixelCoding(spec),
    ...checkFullStrip(spec),
    ...checkMulti(spec),
    ...checkAois(spec),
    ...checkPerAoiOptions(spec),
    ...checkOrdering(spec),
  ];
}

function checkContract(spec: OneAtlasOrderSpec): Diagnostic[] {
  const wanted = backendOfMission(spec.mission);
  if (spec.contract.backend === wanted) return [];
  return [
    error(
      'PRODUCT_TYPE_BACKEND_MISMATCH',
      `${spec.productTypeId} (${spec.mission}) is ordered through a ${wanted} contract, but '${spec.contract.name}' (${spec.contract.contractId}) is ${spec.contract.backend}`,
      below(spec, 'contract'),
      'SPOT and Pléiades need a legacy contract; Pléiades Neo needs a neo contract.',
    ),
  ];
}

/**
 * The options as the vendor will produce them: what is left out takes the vendor default (PPO spec;
 * the pixel coding follows the radiometry), so the rules judge the product, not only what is written.
 */
function withDefaults(spec: OneAtlasOrderSpec): Record<string, string> {
  const neo = spec.mission === 'PLEIADESNEO';
  const o: Record<string, string> = {
    processing_level: 'primary',
    spectral_processing: neo ? 'full_bundle' : 'bundle',
    image_format: 'dimap_jpeg2000_regular',
    radiometric_processing: neo ? 'reflectance' : 'basic',
    ...spec.options,
  };
  o.pixel_coding ??= o.radiometric_processing === 'display' ? '8bits' : '12bits';
  return o;
}

function checkHd(spec: OneAtlasOrderSpec): Diagnostic[] {
  const o = withDefaults(spec);
  if (o.hd !== 'true') return [];
  const fail = (why: string, field: string) =>
    error('UNSUPPORTED_HD_OPTIONS_COMBINATION', `HD is not available ${why}`, below(spec, field),
      'HD works only with primary/bundle/reflectance or ortho/pansharpened/display, never with NITF, and never with dehazing off.');
  const out: Diagnostic[] = [];
  const combo = [o.processing_level, o.spectral_processing, o.radiometric_processing];
  if (!HD_COMBINATIONS.some((c) => c.every((v, i) => v === combo[i])))
    out.push(fail(`with ${combo.join(' / ')}`, 'production.hd'));
  if (o.image_format === 'nitf') out.push(fail('with the NITF format', 'production.imageFormat'));
  if (o.dehazing === 'false') out.push(fail('with dehazing off', 'production.dehazing'));
  return out;
}

/** PPO spec: 8 bits only with display radiometry; 12 and 16 bits only with basic or reflectance. */
function checkPixelCoding(spec: OneAtlasOrderSpec): Diagnostic[] {
  // Neo stereo/tristereo fix both to 12bits/reflectance: INVALID_STEREO_PARAMETERS already says so.
  if (spec.mission === 'PLEIADESNEO' && spec.acquisitionMode !== 'mono') return [];
  const o = withDefaults(spec);
  const pixel = o.pixel_coding!;
  const radiometry = o.radiometric_processing!;
  if ((pixel === '8bits') === (radiometry === 'display')) return [];
  const wanted = pixel === '8bits' ? 'display radiometry' : 'basic or reflectance radiometry';
  const field = spec.options.pixel_coding !== undefined ? 'production.pixelCoding' : 'production.radiometricProcessing';
  const given = (key: string, value: string) => (spec.options[key] === undefined ? `${value} (the default)` : value);
  return [
    error('PIXEL_CODING_RADIOMETRY', `pixel coding ${pixel} needs ${wanted}, not ${given('radiometric_processing', radiometry)}`, below(spec, field),
      '8bits goes with radiometricProcessing: display; 12bits or 16bits with basic or reflectance'),
  ];
}

function checkFullStrip(spec: OneAtlasOrderSpec): Diagnostic[] {
  if (spec.options.fullStrip !== 'true' || spec.mission === 'PLEIADESNEO') return [];
  return [error('FULLSTRIP_NOT_AVAILABLE', `fullStrip is only available for Pléiades Neo, not ${spec.mission}`, below(spec, 'production.fullStrip'))];
}

function checkMulti(spec: OneAtlasOrderSpec): Diagnostic[] {
  const mode = spec.acquisitionMode;
  const implied = modeOfProductType(spec.productTypeId);
  if (mode === 'mono') {
    if (implied === 'mono') return [];
    return [error('INVALID_STEREO_PRODUCT_TYPE', `${spec.productTypeId} is a stereo/tristereo product type but the mode is mono`, below(spec, 'productType'))];
  }
  const expected = MULTI_PRODUCT_TYPES[spec.mission][mode];
  const out: Diagnostic[] = [];
  if (spec.productTypeId !== expected)
    out.push(error('INVALID_STEREO_PRODUCT_TYPE', `${mode} ${spec.mission} orders use the product type ${expected}, not ${spec.productTypeId}`, below(spec, 'productType')));
  for (const aoi of spec.aois) {
    const count = spec.items.filter((i) => i.aoiId === aoi.id).length;
    if (count !== 1)
      out.push(error('STEREO_ITEM_COUNT', `a ${mode} order takes one ${mode} catalog item per AOI (it carries the whole ${SET_OF[mode]}); AOI '${aoi.name}' has ${count}`,
        below(spec, 'items'), `list only the id of the ${mode} item covering this AOI (its productType is ${mode} in the catalogue)`));
  }
  if (spec.mission === 'PLEIADESNEO' && spec.options.hd === 'true')
    out.push(error('INVALID_STEREO_PARAMETERS', `${mode} Pléiades Neo orders are not available in HD`, below(spec, 'production.hd')));
  const allowed: Record<string, string[]> = spec.mission === 'PLEIADESNEO' ? NEO_MULTI_OPTIONS : { processing_level: LEGACY_MULTI_LEVELS };
  for (const [key, values] of Object.entries(allowed)) {
    const value = spec.options[key];
    if (value !== undefined && !values.includes(value))
      out.push(error('INVALID_STEREO_PARAMETERS', `${mode} ${spec.mission} orders accept ${key} ${values.join(' or ')}, not ${value}`, below(spec, optionField(spec, key))));
  }
  return out;
}

function checkAois(spec: OneAtlasOrderSpec): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const aoi of spec.aois) {
    if (aoi.geometry === null && spec.options.fullStrip !== 'true')
      out.push(error('AOI_GEOMETRY_REQUIRED', `AOI '${aoi.name}' has no geometry; only fullStrip orders may leave it out`, { ...aoi.source }));
    if (spec.acquisitionMode === 'mono' && !spec.items.some((i) => i.aoiId === aoi.id))
      out.push(error('AOI_WITHOUT_ITEM', `no item covers AOI '${aoi.name}'`, below(spec, 'items')));
  }
  return out;
}

/**
 * Seed: "Dem and projection are not mandatory for primary, Dem is not mandatory for projected": ortho needs
 * both per AOI, projected a projection; where not mandatory they are still allowed (sent as written).
 */
function checkPerAoiOptions(spec: OneAtlasOrderSpec): Diagnostic[] {
  const level = withDefaults(spec).processing_level;
  const out: Diagnostic[] = [];
  for (const aoi of spec.aois) {
    const needs = [...(level === 'ortho' ? ['dem'] : []), ...(level !== 'primary' ? ['projection'] : [])];
    for (const field of needs.filter((f) => spec.options[`${f}_${aoi.id}`] === undefined))
      out.push(error('MISSING_AOI_OPTION', `${level} products need a ${field} for AOI '${aoi.name}'`, below(spec, `production.${field}`), `set production.${field}.${aoi.name}`));
  }
  return out;
}

function checkOrdering(spec: OneAtlasOrderSpec): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!spec.primaryMarket)
    out.push(error('MISSING_PRIMARY_MARKET', 'a primary market is required for ordering', below(spec, 'primaryMarket'),
      `one of the contract's markets (\`orderform discover\` lists them), e.g. ${PRIMARY_MARKETS.slice(0, 4).join(', ')}`));
  if (!spec.endUser.name || !spec.endUser.country)
    out.push(error('MISSING_END_USER', 'an end user (name and country label) is required for ordering', below(spec, 'endUser')));
  if (spec.mission === 'PLEIADESNEO' && spec.notificationEmails.length)
    out.push(error('NOTIFICATION_EMAILS_LEGACY_ONLY', 'notificationEmails applies to SPOT and Pléiades orders only', below(spec, 'notificationEmails'),
      'Pléiades Neo orders are followed through their quotation (orderform plan / quotation export).'));
  return out;
}

/** A decision must target a Pléiades Neo quotation: an order of this config, or a quotation on a neo contract. */
function checkQuotationDecision(spec: QuotationDecisionSpec, resources: readonly ResourceSpec[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (spec.decision === 'refuse' && !spec.reason)
    out.push(error('MISSING_REJECTION_REASON', 'a refusal needs a reason', below(spec, 'reason'), 'one of: expired, another-provider, budget, proposal-not-answering-needs, licence, modify-request, other'));
  if (spec.decision === 'accept' && spec.reason)
    out.push(error('REASON_WITHOUT_REFUSE', 'a reason only applies to a refusal', below(spec, 'reason')));
  if ('order' in spec.target) {
    const address = spec.target.order;
    const order = resources.find((r) => r.address === address);
    if (!order)
      out.push(error('UNKNOWN_ORDER_REFERENCE', `no order ${address} in this config`, below(spec, 'order')));
    else if (order.kind !== 'oneatlas_order' || order.mission !== 'PLEIADESNEO')
      out.push(error('QUOTATION_NOT_AVAILABLE', `${address} is not a Pléiades Neo order: only Pléiades Neo orders are quoted`, below(spec, 'order')));
  } else if (spec.target.contract.backend !== 'neo') {
    out.push(error('QUOTATION_NOT_AVAILABLE', `contract '${spec.target.contract.name}' is legacy: only neo contracts have quotations`, below(spec, 'contract')));
  }
  const target = JSON.stringify(spec.target);
  const first = resources.find((r) => r.kind === 'quotation_decision' && JSON.stringify(r.target) === target);
  if (first && first !== spec)
    out.push(error('DUPLICATE_QUOTATION_DECISION', `${first.address} already decides this quotation`, below(spec, 'decision')));
  return out;
}

function checkAlert(spec: AlertSpec): Diagnostic[] {
  const ranges = { cloudCover: spec.cloudCover, incidenceAngle: spec.incidenceAngle };
  return Object.entries(ranges)
    .filter(([, [min, max]]) => min > max)
    .map(([field, [min, max]]) => error('INVALID_RANGE', `${field} [${min}, ${max}]: the minimum is above the maximum`, below(spec, field)));
}

/** Every OneAtlas rule over a set of normalized resources. */
export function oneAtlasRules(resources: readonly ResourceSpec[]): Diagnostic[] {
  return resources.flatMap((r) => {
    switch (r.kind) {
      case 'oneatlas_order':
        return checkOneAtlasOrder(r);
      case 'quotation_decision':
        return checkQuotationDecision(r, resources);
      case 'oneatlas_alert':
        return checkAlert(r);
      case 'maxar_ard_order':
        return [];
    }
  });
}
