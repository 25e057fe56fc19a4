/** A OneAtlas order as written → OneAtlasOrderSpec: AOI ids, wire options, digest, customer reference. */
import type { OneAtlasOrder, Production } from '../../../schemas/generated/config.js';
import { error, type Diagnostic } from '../../diagnostics.js';
import { areaKm2 } from '../../geo/area.js';
import type { AcquisitionMode, Aoi, OneAtlasOrderSpec } from '../../model.js';
import { missionOfProductType, modeOfProductType, WIRE_OPTION_OF } from './rules.js';
import { isDiagnostic, type Normalized, type ResourceContext } from '../../config/context.js';
import { findContract } from './contract.js';
import { customerReferenceFor, digestOf } from '../../config/digest.js';
import { locate, locateKey, type Entry } from '../../config/merge.js';

export async function normalizeOneAtlasOrder(entry: Entry<OneAtlasOrder>, ctx: ResourceContext): Promise<Normalized<OneAtlasOrderSpec>> {
  const w = entry.value;
  const diagnostics: Diagnostic[] = [];
  const contract = findContract(ctx, entry, ['contract'], w.contract);
  if (isDiagnostic(contract)) diagnostics.push(contract);
  const mission = missionOfProductType(w.productType);
  if (!mission)
    diagnostics.push(error('UNKNOWN_PRODUCT_TYPE', `cannot tell the mission of product type ${w.productType}`, locate(entry, 'productType'), 'archive product types start with Pleiades, PleiadesNeo or SPOT, e.g. PleiadesArchiveMono'));

  const aois: Aoi[] = [];
  for (const [index, [name, aoi]] of Object.entries(w.aois).entries()) {
    const at = { ...entry, path: [...entry.path, 'aois', name] };
    const read = aoi.geometry ? await ctx.readAoi({ ...at, value: aoi.geometry, path: [...at.path, 'geometry'] }) : { polygon: null, diagnostics: [] };
    diagnostics.push(...read.diagnostics);
    const geometry = read.polygon;
    aois.push({ id: index + 1, name, geometry, areaKm2: geometry ? areaKm2(geometry) : 0, source: locateKey(at) });
  }
  const aoiId = new Map(aois.map((a) => [a.name, a.id]));
  const unknownAoi = (name: string, field: (string | number)[], at: 'key' | 'value') =>
    error('UNKNOWN_AOI', `no AOI named '${name}' in this order`, entry.source.locate([...entry.path, ...field], at), `AOIs: ${aois.map((a) => a.name).join(', ')}`);

  const items: OneAtlasOrderSpec['items'] = [];
  w.items.forEach((item, i) => {
    if (item.aoi === undefined) aois.forEach((a) => items.push({ catalogItemId: item.catalogItemId, aoiId: a.id }));
    else if (aoiId.has(item.aoi)) items.push({ catalogItemId: item.catalogItemId, aoiId: aoiId.get(item.aoi)! });
    else diagnostics.push(unknownAoi(item.aoi, ['items', i, 'aoi'], 'value'));
  });

  const options = wireOptions(w.production ?? {});
  for (const [key, value] of Object.entries(w.production?.options ?? {})) {
    const named = Object.entries(WIRE_OPTION_OF).find(([, k]) => k === key)?.[0];
    if (named || /^(dem|projection)(_\d+)?$/.test(key))
      diagnostics.push(error('OPTION_HAS_A_FIELD', `production.options.${key}: this option has its own field`, entry.source.locate([...entry.path, 'production', 'options', key], 'key'),
        named ? `set production.${named} instead` : `set production.${key.replace(/_\d+$/, '')}.<AOI name> instead`));
    else options[key] = value;
  }
  for (const field of ['dem', 'projection'] as const) {
    for (const [name, value] of Object.entries(w.production?.[field] ?? {})) {
      if (aoiId.has(name)) options[`${field}_${aoiId.get(name)}`] = value;
      else diagnostics.push(unknownAoi(name, ['production', field, name], 'key'));
    }
  }

  // PleiadesNeoArchiveMulti takes stereo and tristereo items alike: only `mode` tells which.
  const acquisitionMode: AcquisitionMode | undefined = w.mode ?? modeOfProductType(w.productType) ?? undefined;
  if (!acquisitionMode)
    diagnostics.push(error('MISSING_STEREO_MODE', `${w.productType} serves stereo and tristereo items: say which with mode`, locate(entry, 'productType'), 'add mode: stereo or mode: tristereo'));
  if (isDiagnostic(contract) || !mission || !acquisitionMode || diagnostics.some((d) => d.severity === 'error')) return { spec: null, diagnostics };
  const defining = {
    contractId: contract.contractId,
    productTypeId: w.productType,
    acquisitionMode,
    aois: aois.map((a) => ({ id: a.id, name: a.name, geometry: a.geometry })),
    items,
    options,
    primaryMarket: w.primaryMarket ?? '',
    secondaryMarket: w.secondaryMarket,
    endUser: { name: w.endUser?.name ?? '', country: w.endUser?.country ?? '', ...(w.endUser?.label ? { label: w.endUser.label } : {}) },
    deliveryType: w.delivery ?? 'network',
  };
  const digest = digestOf(defining);
  const spec: OneAtlasOrderSpec = {
    kind: 'oneatlas_order',
    address: `orders.${entry.key}`,
    key: entry.key,
    digest,
    source: locateKey(entry),
    contract,
    mission,
    productTypeId: w.productType,
    acquisitionMode,
    aois,
    items,
    options,
    primaryMarket: defining.primaryMarket,
    ...(w.secondaryMarket ? { secondaryMarket: w.secondaryMarket } : {}),
    endUser: defining.endUser,
    deliveryType: defining.deliveryType,
    notificationEmails: w.notificationEmails ?? [],
    customerReference: w.customerReference ?? customerReferenceFor(entry.key, digest),
    ...(w.maxPrice ? { maxPrice: w.maxPrice } : {}),
  };
  return { spec, diagnostics };
}

/** Production options as wire strings. HD switches dehazing on unless it is set (seed). */
function wireOptions(p: Production): Record<string, string> {
  const options: Record<string, string> = {};
  for (const [field, key] of Object.entries(WIRE_OPTION_OF)) {
    const value = p[field as keyof Production];
    if (value !== undefined) options[key] = String(value);
  }
  if (p.hd === true && p.dehazing === undefined) options.dehazing = 'true';
  return options;
}
