/**
 * OneAtlas account discovery (seed steps 0.1–0.7): contracts and their workspaces, product types, markets,
 * delivery types, production options for one product type, country and end-user labels; and how they
 * are written into `providers.oneatlas`. Reads only.
 */
import type { Document, YAMLMap } from 'yaml';
import { isMap } from 'yaml';
import type { DiscoverOptions } from '../../core/discovery.js';
import { blockMap } from '../../discover/yaml-block.js';
import { slug } from '../../discover/slug.js';
import { DiagnosticsError, error } from '../../diagnostics.js';
import type { Polygon } from '../../model.js';
import type { OneAtlasClient } from './client.js';
import { fromContract, type ContractInfo } from './convert.js';

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

/** What discovery found of a OneAtlas account. */
export interface OneAtlasDiscovery {
    contracts: DiscoveredContract[];
    legacyWorkspace?: Labelled;
    /** Present when a product type was asked for. */
    options?: { contractId: string; productTypeId: string; options: ProductionOption[] };
    countries: Labelled[];
  labels: Labelled[];
}

/** A small square over Toulouse, for option discovery when no AOI is given. */
const SAMPLE_AOI: Polygon = {
  type: 'Polygon',
  coordinates: [[[1.43, 43.59], [1.46, 43.59], [1.46, 43.61], [1.43, 43.61], [1.43, 43.59]]],
};

export async function discoverOneAtlas(client: OneAtlasClient, opts: DiscoverOptions): Promise<OneAtlasDiscovery> {
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

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

/** Contracts already declared (same contractId) keep their name and are updated in place; new ones get a name from their label. */
export function writeOneAtlas(found: OneAtlasDiscovery, oneatlas: YAMLMap, doc: Document, credentials: Readonly<Record<string, string>>): void {
  if (!oneatlas.has('credentials')) oneatlas.set('credentials', doc.createNode(credentials));
  const contracts = blockMap(doc, oneatlas, 'contracts');
  const taken = new Set(contracts.items.map((p) => String((p.key as { value?: unknown })?.value ?? p.key)));
  for (const c of found.contracts) {
    const existing = contracts.items.find((p) => isMap(p.value) && p.value.get('contractId') === c.contractId);
    const entry = existing ? (existing.value as YAMLMap) : blockMap(doc, contracts, uniqueName(c.name ?? c.contractId, c.contractId, taken));
    entry.set('contractId', c.contractId);
    entry.set('backend', c.backend);
    if (c.workspace) entry.set('workspace', c.workspace);
  }
}

/** A contract's name in the config: its label as a key, made unique among `taken`. */
function uniqueName(label: string, contractId: string, taken: Set<string>): string {
  const fromLabel = slug(label, 48);
  const base = KEY_PATTERN.test(fromLabel) ? fromLabel : `contract-${slug(contractId, 48)}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name;
}
