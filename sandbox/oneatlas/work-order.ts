/**
 * The shared body of prices, quotations and orders ("WorkOrder", wire contract): validated in the order a
 * careful vendor would (contract, market, end users, AOIs, items, options), then priced line by line.
 */
import { MISSION_OF, type CatalogItem } from '../catalog.js';
import type { Sim } from '../context.js';
import { hostError, isObject, ruleError } from '../errors.js';
import { areaKm2, intersects, polygonProblem, type Polygon } from '../geo.js';
import { round2 } from '../money.js';
import { resolveOptions } from './option-rules.js';
import type { WorkOrderLineRecord } from './order-records.js';
import { COUNTRIES, contractById, DELIVERY_TYPES, LABELS, MARKETS, MODE_FACTOR, productTypeById, type ContractSeed, type ProductTypeSeed } from './seed.js';

export type Purpose = 'price' | 'quotation' | 'order';

/** A priced line: the stored line's measures, with the product type and catalog item still attached. */
export interface PricedLine
  extends Pick<WorkOrderLineRecord, 'aoiId' | 'aoiName' | 'geometry' | 'areaKm2' | 'chargedAreaKm2' | 'minimumApplied' | 'amount' | 'options'> {
  productType: ProductTypeSeed;
  item: CatalogItem;
}

export interface WorkOrder {
  contract: ContractSeed;
  customerReference: string;
  primaryMarket: string;
  secondaryMarket?: string;
  endUsers: { endUserName: string; country: string }[];
  deliveryType: string;
  lines: PricedLine[];
  totalAmount: number;
}

interface Aoi {
  id: number;
  name: string;
  geometry: Polygon | null;
}

interface RawItem {
  productType: ProductTypeSeed;
  aoi: Aoi;
  catalogItems: CatalogItem[];
}

export function parseWorkOrder(body: Record<string, unknown>, purpose: Purpose, sim: Sim): WorkOrder {
  const contract = contractOf(body.contractId);
  const customerReference = body.customerReference;
  if (purpose !== 'price' && (typeof customerReference !== 'string' || customerReference.trim() === '')) {
    throw payload('customerReference is required (a non-empty string)');
  }
  const primaryMarket = checkMarket(body.primaryMarket);
  const endUsers = checkEndUsers(body.endUsers, purpose);
  checkNotificationEmails(body.notificationEmails, contract);
  const deliveryType = checkDelivery(body.delivery, contract);
  const aois = parseAois(body.aoi);
  const items = parseItems(body.items, contract, aois, sim);
  const sent = optionsByProductType(body.optionsPerProductType);
  const resolved = new Map<string, Record<string, string>>();
  for (const pt of new Set(items.map((i) => i.productType))) {
    const aoiIds = [...new Set(items.filter((i) => i.productType === pt).map((i) => i.aoi.id))];
    resolved.set(pt.productTypeId, resolveOptions(pt, sent.get(pt.productTypeId) ?? {}, aoiIds));
  }
  const lines = items.flatMap((i) => priceLines(i, resolved.get(i.productType.productTypeId) ?? {}, sim.knobs.priceMultiplier));
  return {
    contract,
    customerReference: typeof customerReference === 'string' ? customerReference : '',
    primaryMarket,
    ...(typeof body.secondaryMarket === 'string' ? { secondaryMarket: body.secondaryMarket } : {}),
    endUsers,
    deliveryType,
    lines,
    totalAmount: round2(lines.reduce((sum, l) => sum + l.amount, 0)),
  };
}

export function contractOf(id: unknown): ContractSeed {
  if (typeof id !== 'string' || id === '') throw payload('contractId is required');
  const contract = contractById(id);
  if (!contract) throw hostError('order', 404, 'E2203', `CIS contract '${id}' not found.`);
  return contract;
}

function checkMarket(market: unknown): string {
  if (market === undefined || market === null || market === '') {
    throw ruleError('MISSING_PRIMARY_MARKET', 'primaryMarket is mandatory; see GET /api/v1/contracts/{contractId}/properties');
  }
  if (typeof market !== 'string' || !MARKETS.includes(market)) {
    throw ruleError('MISSING_PRIMARY_MARKET', `primaryMarket '${String(market)}' is not one of the contract's markets`);
  }
  return market;
}

/** [I] End users (name + a country from GET /api/v1/properties) are required to quote or order, not to price. */
function checkEndUsers(value: unknown, purpose: Purpose): { endUserName: string; country: string }[] {
  if (value === undefined && purpose === 'price') return [];
  if (!Array.isArray(value) || value.length === 0) {
    throw ruleError('MISSING_END_USER', 'endUsers must list at least one {endUserName, country}');
  }
  return value.map((u, i) => {
    if (!isObject(u) || typeof u.endUserName !== 'string' || u.endUserName.trim() === '') {
      throw ruleError('MISSING_END_USER', `endUsers[${i}].endUserName is required`);
    }
    if (typeof u.country !== 'string' || !(u.country in COUNTRIES)) {
      throw ruleError('MISSING_END_USER', `endUsers[${i}].country '${String(u.country)}' is not a known country code`);
    }
    // [I] The seed's end-user label (GET /api/v1/properties `labels`); the PPO spec's endUsers carry none.
    if (u.label !== undefined && (typeof u.label !== 'string' || !(u.label in LABELS))) {
      throw ruleError('MISSING_END_USER', `endUsers[${i}].label '${String(u.label)}' is not one of the labels of GET /api/v1/properties`);
    }
    return { endUserName: u.endUserName, country: u.country };
  });
}

/** PPO spec: `notificationEmails` (an array of strings) is required on SPOT/Pléiades bodies; Neo has none. */
function checkNotificationEmails(value: unknown, contract: ContractSeed): void {
  if (contract.backend !== 'legacy') return;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw payload('notificationEmails (an array of e-mail addresses, possibly empty) is required on SPOT/Pléiades work orders');
  }
}

function checkDelivery(value: unknown, contract: ContractSeed): string {
  if (value === undefined) return 'network';
  const type = isObject(value) ? value.type : undefined;
  if (typeof type !== 'string' || !DELIVERY_TYPES.some((d) => d.deliveryTypeId === type)) {
    throw ruleError('INVALID_OPTION', `delivery.type '${String(type)}' is not a delivery type of ${contract.contractId}`);
  }
  return type;
}

function parseAois(value: unknown): Map<number, Aoi> {
  if (!Array.isArray(value) || value.length === 0) throw ruleError('INVALID_AOI', 'aoi must list at least one {id, name, geometry}');
  const aois = new Map<number, Aoi>();
  value.forEach((a, i) => {
    if (!isObject(a) || !Number.isInteger(a.id) || (a.id as number) < 1) throw ruleError('INVALID_AOI', `aoi[${i}].id must be a positive integer`);
    const id = a.id as number;
    if (aois.has(id)) throw ruleError('INVALID_AOI', `aoi id ${id} is used twice`);
    let geometry: Polygon | null = null;
    if (a.geometry !== undefined && a.geometry !== null) {
      const problem = polygonProblem(a.geometry);
      if (problem) throw ruleError('INVALID_AOI', `aoi ${id}: ${problem}`);
      geometry = a.geometry as Polygon;
    }
    aois.set(id, { id, name: typeof a.name === 'string' ? a.name : `aoi-${id}`, geometry });
  });
  return aois;
}

function parseItems(value: unknown, contract: ContractSeed, aois: Map<number, Aoi>, sim: Sim): RawItem[] {
  if (!Array.isArray(value) || value.length === 0) throw payload('items must list at least one item');
  return value.map((raw, i) => {
    if (!isObject(raw)) throw payload(`items[${i}] must be an object`);
    const productType = checkProductType(raw.productTypeId, contract);
    const aoi = aois.get(raw.aoiId as number);
    if (!aoi) throw ruleError('INVALID_AOI', `items[${i}].aoiId ${String(raw.aoiId)} does not name an aoi`);
    const ids = catalogItemIds(raw, i);
    const catalogItems = ids.map((id) => {
      const found = sim.catalog.byId.get(id) ?? sim.catalog.bySourceIdentifier.get(id);
      const item = found && !sim.knobs.privateCatalogItems.includes(found.id) ? found : undefined;
      if (!item) throw ruleError('UNKNOWN_CATALOG_ITEM', `catalog item '${id}' is not in the catalog (search it first)`);
      checkItemFits(productType, item);
      return item;
    });
    return { productType, aoi, catalogItems };
  });
}

function checkProductType(id: unknown, contract: ContractSeed): ProductTypeSeed {
  const pt = typeof id === 'string' ? productTypeById(id) : undefined;
  if (!pt || !contract.productTypeIds.includes(pt.productTypeId)) {
    const hint = pt ? ` (${pt.productTypeId} orders ${pt.mission}, which a ${contract.backend} contract cannot order)` : '';
    throw ruleError('INVALID_PRODUCT_TYPE', `product type '${String(id)}' is not available on contract ${contract.contractId}${hint}`);
  }
  return pt;
}

/** `dataSourceIds[].catalogItemId` (wire contract), or legacy `datastripIds` (source identifiers, EODH). */
function catalogItemIds(raw: Record<string, unknown>, i: number): string[] {
  if (Array.isArray(raw.dataSourceIds) && raw.dataSourceIds.length > 0) {
    return raw.dataSourceIds.map((d, j) => {
      if (!isObject(d) || typeof d.catalogItemId !== 'string') throw payload(`items[${i}].dataSourceIds[${j}].catalogItemId is required`);
      return d.catalogItemId;
    });
  }
  const strips = typeof raw.datastripIds === 'string' ? [raw.datastripIds] : raw.datastripIds;
  if (Array.isArray(strips) && strips.length > 0 && strips.every((s) => typeof s === 'string')) return strips as string[];
  throw payload(`items[${i}] needs dataSourceIds: [{catalogId, catalogItemId}]`);
}

/** The item's mission must be the product type's; stereo product types need a stereo (tristereo) acquisition. */
function checkItemFits(pt: ProductTypeSeed, item: CatalogItem): void {
  if (MISSION_OF[item.constellation] !== pt.mission) {
    throw ruleError('INVALID_PRODUCT_TYPE', `catalog item ${item.id} is a ${item.constellation} acquisition; ${pt.productTypeId} orders ${pt.mission}`);
  }
  const fits = pt.mode === 'mono' || pt.mode === item.productType || (pt.mode === 'multi' && item.productType !== 'mono');
  if (!fits) {
    throw ruleError('INVALID_STEREO_PARAMETERS', `${pt.productTypeId} needs a ${pt.mode === 'multi' ? 'stereo or tristereo' : pt.mode} acquisition; catalog item ${item.id} is ${item.productType}`);
  }
}

function optionsByProductType(value: unknown): Map<string, Record<string, string>> {
  const result = new Map<string, Record<string, string>>();
  if (value === undefined) return result;
  if (!Array.isArray(value)) throw payload('optionsPerProductType must be an array');
  value.forEach((entry, i) => {
    if (!isObject(entry) || typeof entry.productTypeId !== 'string' || !Array.isArray(entry.options)) {
      throw payload(`optionsPerProductType[${i}] must be {productTypeId, options: [{key, value}]}`);
    }
    const options = result.get(entry.productTypeId) ?? {};
    entry.options.forEach((o, j) => {
      if (!isObject(o) || typeof o.key !== 'string') throw payload(`optionsPerProductType[${i}].options[${j}].key is required`);
      if (typeof o.value !== 'string') throw ruleError('INVALID_OPTION', `option ${o.key}: values are strings (got ${JSON.stringify(o.value)})`);
      options[o.key] = o.value;
    });
    result.set(entry.productTypeId, options);
  });
  return result;
}

/** One line per catalog item: rate × (stereo 2, tristereo 3) × max(area, minimum) [× 1.2 with HD] × price multiplier. */
function priceLines(raw: RawItem, options: Record<string, string>, multiplier: number): PricedLine[] {
  const pt = raw.productType;
  const fullStrip = options.fullStrip === 'true';
  return raw.catalogItems.map((item) => {
    let geometry = raw.aoi.geometry;
    if (fullStrip) geometry = item.geometry;
    else if (!geometry) throw ruleError('INVALID_AOI', `aoi ${raw.aoi.id} needs a geometry (only fullStrip orders may omit it)`);
    else if (!intersects(geometry, item.geometry)) {
      throw ruleError('INVALID_AOI', `aoi ${raw.aoi.id} does not intersect the footprint of catalog item ${item.id}`);
    }
    const area = areaKm2(geometry);
    const charged = Math.max(area, pt.minimumOrderAreaKm2);
    const hd = options.hd === 'true' ? 1.2 : 1;
    const factor = pt.mode === 'mono' ? 1 : MODE_FACTOR[item.productType];
    const amount = round2(pt.ratePerKm2 * factor * charged * hd * multiplier);
    return {
      productType: pt,
      item,
      aoiId: raw.aoi.id,
      aoiName: raw.aoi.name,
      geometry,
      areaKm2: round2(area),
      chargedAreaKm2: round2(charged),
      minimumApplied: area < pt.minimumOrderAreaKm2,
      amount,
      options,
    };
  });
}

function payload(message: string) {
  return hostError('order', 400, 'INVALID_PAYLOAD', message);
}
