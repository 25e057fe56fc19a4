/**
 * Account discovery (seed steps 0.1–0.7): contracts and their workspaces, product types, markets,
 * delivery types, production options for one product type, country and end-user labels, plus the
 * Maxar ARD account (pricing, limits). Reads only; the result is data for a table or a config.
 */
import { DiagnosticsError, error } from '../diagnostics.js';
import type { Polygon } from '../model.js';
import type { MaxarClient, OneAtlasClient } from '../providers/index.js';
import { fromAccount, fromUsage, type AccountInfo, type LimitName } from '../providers/maxar-ard/convert.js';
import { fromContract, type ContractInfo } from '../providers/oneatlas/convert.js';

export interface Labelled {
  id: string;
  label: string;
}

export interface DiscoveredContract extends ContractInfo {
  /** Delivery workspace: the contract's own (neo) or the user's (legacy, from `/me`). */
  workspace?: string;
  productTypes: { productTypeId: string; label: string; sensor: string; source: string }[];
  markets: (Labelled & { secondary: Labelled[] })[];
  deliveryTypes: Labelled[];
}

export interface ProductionOption {
  name: string;
  label: string;
  defaultValue?: string;
  values: string[];
  /** When the option applies, e.g. `processing_level:(ortho)`. */
  condition?: string;
}

export interface Discovery {
  oneatlas?: {
    contracts: DiscoveredContract[];
    legacyWorkspace?: Labelled;
    /** Present when a product type was asked for. */
    options?: { contractId: string; productTypeId: string; options: ProductionOption[] };
    countries: Labelled[];
    labels: Labelled[];
  };
  /** The account (the login's own when no id is configured), its pricing, limits and what was spent so far. */
  maxar?: AccountInfo & { name?: string; usage: Record<LimitName, number> };
}

export interface DiscoverOptions {
  /** Step 0.6: list the production options of this product type (on the first contract that has it). */
  productType?: string;
  /** The AOI the options are asked for (per-AOI options such as the UTM projection depend on it). */
  aoi?: Polygon;
}

/** A small square over Toulouse, for option discovery when no AOI is given. */
const SAMPLE_AOI: Polygon = {
  type: 'Polygon',
  coordinates: [[[1.43, 43.59], [1.46, 43.59], [1.46, 43.61], [1.43, 43.61], [1.43, 43.59]]],
};

export async function discover(clients: { oneatlas?: OneAtlasClient; maxar?: MaxarClient }, opts: DiscoverOptions = {}): Promise<Discovery> {
  const [oneatlas, maxar] = await Promise.all([
    clients.oneatlas ? discoverOneAtlas(clients.oneatlas, opts) : undefined,
    clients.maxar ? discoverMaxar(clients.maxar) : undefined,
  ]);
  return { ...(oneatlas ? { oneatlas } : {}), ...(maxar ? { maxar } : {}) };
}

async function discoverMaxar(client: MaxarClient): Promise<NonNullable<Discovery['maxar']>> {
  const [w, usage] = await Promise.all([client.account(), client.usage()]);
  return { ...fromAccount(w), ...(w.account.name ? { name: w.account.name } : {}), usage: fromUsage(usage) };
}

async function discoverOneAtlas(client: OneAtlasClient, opts: DiscoverOptions): Promise<NonNullable<Discovery['oneatlas']>> {
  const [wireContracts, properties] = await Promise.all([client.contracts(), client.properties()]);
  const infos = wireContracts.map((w, i) => fromContract(w, i));
  const me = infos.some((c) => c.backend === 'legacy') ? await client.me() : undefined;
  const legacyWorkspace = me ? { id: me.contract.workspaceId, label: me.contract.workspaceName ?? me.contract.workspaceId } : undefined;
  const contracts = await Promise.all(
    infos.map(async (c): Promise<DiscoveredContract> => {
      const [productTypes, markets, deliveryTypes] = await Promise.all([
        client.productTypes(c.contractId),
        client.markets(c.contractId),
        client.deliveryTypes(c.contractId),
      ]);
      const workspace = c.workspace ?? (c.backend === 'legacy' ? legacyWorkspace?.id : undefined);
      return {
        ...c,
        ...(workspace ? { workspace } : {}),
        productTypes: productTypes.map((p) => ({
          productTypeId: p.productTypeId,
          label: p.technicalProduct.label ?? p.productTypeId,
          sensor: p.technicalProduct.sensor.id,
          source: p.technicalProduct.source.id,
        })),
        markets: markets.map((m) => ({ id: m.id, label: m.label, secondary: (m.secondaryMarket ?? []).map((s) => ({ id: s.id, label: s.label })) })),
        deliveryTypes: deliveryTypes.map((d) => ({ id: d.deliveryTypeId, label: d.label })),
      };
    }),
  );
  const values = (key: string) => (properties.find((p) => p.key === key)?.values ?? []).map((v) => ({ id: v.id, label: v.label ?? v.id }));
  const options = opts.productType ? await productionOptions(client, contracts, opts.productType, opts.aoi ?? SAMPLE_AOI) : undefined;
  return {
    contracts,
    ...(legacyWorkspace ? { legacyWorkspace } : {}),
    ...(options ? { options } : {}),
    countries: values('countries'),
    labels: values('labels'),
  };
}

async function productionOptions(client: OneAtlasClient, contracts: DiscoveredContract[], productTypeId: string, aoi: Polygon) {
  const contract = contracts.find((c) => c.productTypes.some((p) => p.productTypeId === productTypeId));
  if (!contract) {
    const offered = [...new Set(contracts.flatMap((c) => c.productTypes.map((p) => p.productTypeId)))];
    throw new DiagnosticsError([
      error('UNKNOWN_PRODUCT_TYPE', `no contract of this account offers the product type ${productTypeId}`, undefined, `offered: ${offered.join(', ') || 'none'}`),
    ]);
  }
  const wire = await client.options(contract.contractId, productTypeId, { aoi: [{ polygonId: 1, geometry: aoi }] });
  const options: ProductionOption[] = wire.map((o) => ({
    name: o.name,
    label: o.label ?? o.name,
    ...(o.defaultValue ? { defaultValue: o.defaultValue } : {}),
    values: (o.values ?? []).map((v) => v.id),
    ...(o.constraint?.condition ? { condition: o.constraint.condition } : {}),
  }));
  return { contractId: contract.contractId, productTypeId, options };
}
