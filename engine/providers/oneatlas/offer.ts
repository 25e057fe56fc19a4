/**
 * What the vendor says a contract offers (seed steps 0.1–0.7: backendSource, product types, markets, delivery
 * types, production options, countries and end-user labels), and whether the catalogue still shows each
 * Pléiades Neo item (seed: "products may become unavailable the next day"). Read once per plan for the
 * contracts of orders not placed yet (a few calls per contract, one per product type, one per Neo item);
 * each order about to be placed is then checked against it, with a code and the allowed values.
 */
import { error, type Diagnostic, type SourceLocation } from '../../diagnostics.js';
import type { Backend, OneAtlasOrderSpec, ResourceSpec } from '../../model.js';
import { collect } from '../paging.js';
import type { OneAtlasClient } from './client.js';
import { toOptionsRequest } from './convert.js';
import { optionField } from './rules.js';
import type { WireOption } from './wire.js';

export interface ContractOffer {
  productTypes: string[];
  markets: { id: string; secondary: string[] }[];
  deliveryTypes: string[];
  /** Production options by product type (only those some order uses). */
  options: Map<string, WireOption[]>;
}

export interface OneAtlasOffer {
  contracts: Map<string, ContractOffer>;
  /** Empty when the vendor lists none: then nothing is checked against it. */
  countries: string[];
  labels: string[];
  /** Pléiades Neo catalogue items a fresh search still shows, among those looked up. */
  visibleItems: Set<string>;
  /** Those looked up. */
  lookedUp: Set<string>;
}

/** The declared contract's backend as the vendor's backendSource has it (read with the contracts' credit, pricing.ts). */
export interface ContractBackend {
  contractId: string;
  backend?: Backend;
}

/** Options the seed documents itself (HD, dehazing, full strip): checked against the list only when the vendor lists them. */
const SEED_OPTIONS = new Set(['hd', 'dehazing', 'fullStrip']);
const PER_AOI = /^(dem|projection)(_\d+)?$/;
/** The public Pléiades Neo archive workspace (oneatlas-detailed.md §3.2: Airbus's QGIS plugin, EODH harvester). */
const NEO_PUBLIC_WORKSPACE = 'public-pneo';

/** Reads what the contracts of `orders` (orders not placed yet) offer. */
export async function readOffer(client: OneAtlasClient, orders: readonly OneAtlasOrderSpec[]): Promise<OneAtlasOffer> {
  const byContract = new Map<string, OneAtlasOrderSpec[]>();
  for (const o of orders) byContract.set(o.contract.contractId, [...(byContract.get(o.contract.contractId) ?? []), o]);
  const neoItems = [...new Set(orders.filter((o) => o.mission === 'PLEIADESNEO').flatMap((o) => o.items.map((i) => i.catalogItemId)))];
  const [contracts, properties, visible] = await Promise.all([
    Promise.all([...byContract].map(async ([contractId, specs]) => [contractId, await readContract(client, contractId, specs)] as const)),
    orders.length ? client.properties() : Promise.resolve([]),
    Promise.all(neoItems.map(async (id) => ((await collect(client.search({ id, workspace: NEO_PUBLIC_WORKSPACE }, 1), 1)).some((f) => f.properties.id === id) ? id : null))),
  ]);
  const values = (key: string) => (properties.find((p) => p.key === key)?.values ?? []).map((v) => v.id);
  return {
    contracts: new Map(contracts),
    countries: values('countries'),
    labels: values('labels'),
    visibleItems: new Set(visible.filter((id): id is string => id !== null)),
    lookedUp: new Set(neoItems),
  };
}

async function readContract(client: OneAtlasClient, contractId: string, specs: OneAtlasOrderSpec[]): Promise<ContractOffer> {
  const [productTypes, markets, deliveryTypes] = await Promise.all([
    client.productTypes(contractId),
    client.markets(contractId),
    client.deliveryTypes(contractId),
  ]);
  const offered = new Set(productTypes.map((p) => p.productTypeId));
  // One options read per product type, for the AOIs of the first order that uses it (general options do not depend on them).
  const firstOf = new Map<string, OneAtlasOrderSpec>();
  for (const s of specs) if (offered.has(s.productTypeId) && !firstOf.has(s.productTypeId) && s.aois.some((a) => a.geometry)) firstOf.set(s.productTypeId, s);
  const options = await Promise.all(
    [...firstOf].map(async ([pt, s]) => [pt, await client.options(contractId, pt, toOptionsRequest(s.aois))] as const),
  );
  return {
    productTypes: [...offered],
    markets: markets.map((m) => ({ id: m.id, secondary: (m.secondaryMarket ?? []).map((s) => s.id) })),
    deliveryTypes: deliveryTypes.map((d) => d.deliveryTypeId),
    options: new Map(options),
  };
}

const list = (values: readonly string[]) => (values.length ? values.join(', ') : 'none');

function at(spec: ResourceSpec, field: string): SourceLocation {
  return { ...spec.source, path: `${spec.source.path}.${field}` };
}

/** Problems of one order about to be placed, against what the vendor offers; none when nothing was read for its contract. */
export function checkOrderAgainstOffer(spec: OneAtlasOrderSpec, offer: OneAtlasOffer, vendor: ContractBackend | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const c = spec.contract;
  if (vendor?.backend && vendor.backend !== c.backend) {
    out.push(error('CONTRACT_BACKEND_DIFFERS', `contract '${c.name}' (${c.contractId}) is declared ${c.backend}, but the vendor's backendSource is ${vendor.backend}`, at(spec, 'contract'),
      `Set backend: ${vendor.backend} under providers.oneatlas.contracts.${c.name} (SPOT and Pléiades need legacy, Pléiades Neo neo).`));
  }
  const contract = offer.contracts.get(c.contractId);
  if (contract) {
    if (!contract.productTypes.includes(spec.productTypeId))
      out.push(error('PRODUCT_TYPE_NOT_ON_CONTRACT', `contract ${c.contractId} does not offer the product type ${spec.productTypeId}`, at(spec, 'productType'), `offered: ${list(contract.productTypes)}`));
    const market = contract.markets.find((m) => m.id === spec.primaryMarket);
    if (!market)
      out.push(error('PRIMARY_MARKET_NOT_ON_CONTRACT', `contract ${c.contractId} has no market ${spec.primaryMarket}`, at(spec, 'primaryMarket'), `markets: ${list(contract.markets.map((m) => m.id))}`));
    else if (spec.secondaryMarket && !market.secondary.includes(spec.secondaryMarket))
      out.push(error('SECONDARY_MARKET_NOT_ON_CONTRACT', `market ${spec.primaryMarket} of contract ${c.contractId} has no secondary market ${spec.secondaryMarket}`, at(spec, 'secondaryMarket'),
        `secondary markets of ${spec.primaryMarket}: ${list(market.secondary)}`));
    if (!contract.deliveryTypes.includes(spec.deliveryType))
      out.push(error('DELIVERY_TYPE_NOT_ON_CONTRACT', `contract ${c.contractId} does not deliver by ${spec.deliveryType}`, at(spec, 'delivery'), `delivery types: ${list(contract.deliveryTypes)}`));
    const options = contract.options.get(spec.productTypeId);
    if (options) out.push(...checkOptions(spec, options));
  }
  if (offer.countries.length && !offer.countries.includes(spec.endUser.country))
    out.push(error('END_USER_COUNTRY_NOT_LISTED', `the vendor's country list has no ${spec.endUser.country}`, at(spec, 'endUser.country'), `countries: ${list(offer.countries)}`));
  if (spec.endUser.label !== undefined && !offer.labels.includes(spec.endUser.label))
    out.push(error('END_USER_LABEL_NOT_LISTED', `the vendor lists no end-user label ${spec.endUser.label}`, at(spec, 'endUser.label'), `labels: ${list(offer.labels)}`));
  for (const item of spec.items) {
    if (offer.lookedUp.has(item.catalogItemId) && !offer.visibleItems.has(item.catalogItemId))
      out.push(error('CATALOG_ITEM_UNAVAILABLE', `catalogue item ${item.catalogItemId} is no longer in the catalogue (its owner may have made it private)`, at(spec, 'items'),
        'Search again (orderform search) and order an item the catalogue shows now.'));
  }
  return out;
}

function checkOptions(spec: OneAtlasOrderSpec, offered: readonly WireOption[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [key, value] of Object.entries(spec.options)) {
    if (PER_AOI.test(key)) continue; // per AOI: values fixed by the schema; the seed allows them where not mandatory
    const field = optionField(spec, key);
    const option = offered.find((o) => o.name === key);
    if (!option) {
      if (!SEED_OPTIONS.has(key))
        out.push(error('OPTION_NOT_OFFERED', `${spec.productTypeId} on contract ${spec.contract.contractId} has no production option ${key}`, at(spec, field),
          `options: ${list(offered.map((o) => o.name).filter((n) => !PER_AOI.test(n)))}`));
      continue;
    }
    const values = (option.values ?? []).map((v) => v.id);
    if (values.length && !values.includes(value))
      out.push(error('OPTION_VALUE_NOT_OFFERED', `${key} ${value} is not offered for ${spec.productTypeId} on contract ${spec.contract.contractId}`, at(spec, field), `values: ${list(values)}`));
  }
  return out;
}
