/**
 * Production options: what `POST …/productTypes/{id}/options` offers and what a work order may send.
 * Values and defaults follow the PPO spec (oneatlas-detailed.md §3.6); defaults marked [I] are ours.
 */
import type { Mission } from '../catalog.js';
import type { Polygon } from '../geo.js';

interface OptionDef {
  name: string;
  label: string;
  values: string[];
  /** Default for a mission; `undefined` means no default (the option is simply absent). */
  defaultFor: (mission: Mission, chosen: Record<string, string>) => string | undefined;
  /** `processing_level` values the option applies to (constraint), when restricted. */
  onlyFor?: string[];
  neoOnly?: boolean;
}

const BOOL = ['true', 'false'];
export const PROJECTIONS = ['4326', '3857', '2154', '4171', '4258', '4230_A', '4230_B'];
export const DEMS = [
  'best_available', 'FLAT_DEM_WITH_WD4O_WAT', 'FLAT_DEM_WITH_GTOPO30_WAT', 'FLAT_DEM_WITH_WAT', 'GTOPO30', 'PAS-DEM',
  'REF3D-DEM', 'SRTMV4', 'WorldDEM4Ortho', 'MIXEDDEM',
];

export const OPTION_DEFS: OptionDef[] = [
  { name: 'processing_level', label: 'Processing level', values: ['primary', 'projected', 'ortho'], defaultFor: () => 'primary' },
  {
    name: 'spectral_processing',
    label: 'Spectral processing',
    values: ['panchromatic', 'pan', 'pansharpened', 'pms', 'multispectral', 'ms', 'bundle', 'full_bundle', 'full_pms', 'full_ms'],
    defaultFor: (m) => (m === 'PLEIADESNEO' ? 'full_bundle' : 'bundle'),
  },
  {
    name: 'image_format',
    label: 'Image format',
    values: ['dimap_jpeg2000_regular', 'dimap_jpeg2000_optimized', 'dimap_geotiff', 'nitf'],
    defaultFor: () => 'dimap_jpeg2000_regular',
  },
  {
    name: 'radiometric_processing',
    label: 'Radiometric processing',
    values: ['basic', 'reflectance', 'display'],
    defaultFor: (m) => (m === 'PLEIADESNEO' ? 'reflectance' : 'basic'),
  },
  {
    name: 'pixel_coding',
    label: 'Pixel coding',
    values: ['8bits', '12bits', '16bits'],
    // [I] the default follows the radiometry so that a default never contradicts it.
    defaultFor: (_m, chosen) => (chosen.radiometric_processing === 'display' ? '8bits' : '12bits'),
  },
  { name: 'hd', label: 'HD (15 cm)', values: BOOL, defaultFor: () => 'false' },
  // Seed: with hd = true, dehazing switches to true when not given.
  { name: 'dehazing', label: 'Dehazing', values: BOOL, defaultFor: (_m, chosen) => (chosen.hd === 'true' ? 'true' : 'false') },
  { name: 'fullStrip', label: 'Full strip', values: BOOL, defaultFor: () => 'false', neoOnly: true },
  { name: 'priority', label: 'Priority', values: ['standard', 'rush'], defaultFor: () => 'standard' },
  {
    name: 'licence',
    label: 'Licence',
    values: ['standard', 'background_layer', 'stand_background_layer', 'educ', 'media', 'standard_1_5', 'standard_6_10', 'standard_11_30', 'standard_up_30'],
    defaultFor: () => 'standard',
  },
  { name: 'delivery_method', label: 'Delivery method', values: ['on_the_flow', 'at_the_end'], defaultFor: () => 'on_the_flow' },
  { name: 'area_compute_model', label: 'Area compute model', values: ['coverage', 'temporal_serie'], defaultFor: () => 'coverage' },
];

export function optionDef(name: string): OptionDef | undefined {
  return OPTION_DEFS.find((d) => d.name === name);
}

/** The UTM zone EPSG code for an AOI's first vertex: the default projection (the vendor's depends on the AOI too). */
export function utmProjection(geometry: Polygon | null): string {
  const [lon, lat] = geometry?.coordinates[0]?.[0] ?? [0, 0];
  const zone = Math.min(60, Math.max(1, Math.floor((lon + 180) / 6) + 1));
  return `${lat >= 0 ? 326 : 327}${String(zone).padStart(2, '0')}`;
}

export function isProjection(value: string): boolean {
  return PROJECTIONS.includes(value) || /^32[67](0[1-9]|[1-5]\d|60)$/.test(value);
}

/** The `availableOptions` answer for one product type and the AOIs of the request. */
export function availableOptions(mission: Mission, aois: { polygonId: number; geometry: Polygon | null }[]): unknown[] {
  const general = OPTION_DEFS.filter((d) => !d.neoOnly || mission === 'PLEIADESNEO').map((d) => ({
    category: 'production_option',
    label: d.label,
    name: d.name,
    mandatory: 'false',
    defaultValue: d.defaultFor(mission, {}),
    constraint: null,
    values: d.values.map((id) => ({ id, label: id })),
    type: 'list',
    hidden: false,
    property: false,
  }));
  const perAoi = aois.flatMap(({ polygonId, geometry }) => [
    {
      category: 'production_option',
      label: `DEM for AOI ${polygonId}`,
      name: `dem_${polygonId}`,
      mandatory: 'constraint',
      defaultValue: 'best_available',
      constraint: { condition: 'processing_level:(ortho)' },
      values: DEMS.map((id) => ({ id, label: id })),
      type: 'list',
      hidden: false,
      property: false,
    },
    {
      category: 'production_option',
      label: `Projection for AOI ${polygonId}`,
      name: `projection_${polygonId}`,
      mandatory: 'constraint',
      defaultValue: utmProjection(geometry),
      constraint: { condition: 'processing_level:(ortho|projected)' },
      values: [utmProjection(geometry), ...PROJECTIONS].map((id) => ({ id, label: `EPSG:${id}` })),
      type: 'list',
      hidden: false,
      property: false,
    },
  ]);
  const elevation = {
    category: 'production_option',
    label: 'Elevation',
    name: 'elevation',
    mandatory: 'false',
    defaultValue: null,
    constraint: { condition: 'processing_level:(projected)' },
    values: [],
    type: 'double',
    range: [-100, 10000],
    hidden: false,
    property: false,
  };
  return [...general, elevation, ...perAoi];
}
