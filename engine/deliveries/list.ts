/**
 * Delivered products of the OneAtlas orders in state: each order's delivery workspace searched by
 * its customer reference. Workspaces come from the config's contracts, else from the vendor (the
 * neo contract's delivery workspace, the user's `/me` workspace for legacy contracts).
 */
import { DiagnosticsError, error } from '../diagnostics.js';
import type { Config, OneAtlasProvider } from '../model.js';
import type { OneAtlasClient } from '../providers/index.js';
import { fromContract } from '../providers/oneatlas/convert.js';
import type { WireFeature } from '../providers/oneatlas/wire.js';
import type { CriteriaRequest } from '../search/criteria.js';
import type { StateSnapshot } from '../state/types.js';

export interface DeliveredProduct {
  /** Workspace item id. */
  id: string;
  /** Name to save it under: `<customerReference>_<id>.zip`. */
  fileName: string;
  downloadUrl?: string;
  size?: number;
  /** The vendor's sha256 of the file, when it publishes one. */
  sha256?: string;
  acquisitionDate?: string;
}

export interface OrderDeliveries {
  address: string;
  customerReference: string;
  salesOrderId?: string;
  workspace?: string;
  products: DeliveredProduct[];
}

/** The OneAtlas provider deliveries read from; checked offline, before any credential or state is touched. */
export function deliveriesProvider(config: Pick<Config, 'providers'>): OneAtlasProvider {
  const provider = config.providers.oneatlas;
  if (!provider) {
    throw new DiagnosticsError([error('NO_ONEATLAS_PROVIDER', 'the config declares no OneAtlas provider', undefined,
      'deliveries lists OneAtlas orders; run orderform discover --write first')]);
  }
  return provider;
}

/** `criteria` (seed step 6: acquisition and publication dates, cloud cover, incidence angle, geometry) narrow each order's products. */
export async function listDeliveries(state: StateSnapshot, config: Pick<Config, 'providers'>, client: OneAtlasClient, criteria: CriteriaRequest = {}): Promise<OrderDeliveries[]> {
  const workspaces = workspaceFinder(config, client);
  const orders = Object.values(state.resources)
    .filter((r) => r.kind === 'oneatlas_order' && r.remote.customerReference)
    .sort((a, b) => (a.address < b.address ? -1 : 1));
  const out: OrderDeliveries[] = [];
  for (const r of orders) {
    const customerReference = r.remote.customerReference!;
    const workspace = r.remote.contractId ? await workspaces(r.remote.contractId) : undefined;
    const features = workspace ? await client.workspaceItems(workspace, customerReference, criteria).all() : [];
    out.push({
      address: r.address,
      customerReference,
      ...(r.remote.salesOrderId ? { salesOrderId: r.remote.salesOrderId } : {}),
      ...(workspace ? { workspace } : {}),
      products: features.filter((f) => f.properties.customerReference === customerReference).map((f) => toProduct(f, customerReference)),
    });
  }
  return out;
}

function toProduct(f: WireFeature, customerReference: string): DeliveredProduct {
  const p = f.properties as WireFeature['properties'] & { fileSize?: unknown; sha256?: unknown };
  const link = f._links?.download as { href?: unknown } | undefined;
  return {
    id: p.id,
    fileName: `${customerReference}_${p.id}.zip`.replace(/[^A-Za-z0-9._-]/g, '_'),
    ...(typeof link?.href === 'string' ? { downloadUrl: link.href } : {}),
    ...(typeof p.fileSize === 'number' ? { size: p.fileSize } : {}),
    ...(typeof p.sha256 === 'string' && /^[0-9a-f]{64}$/i.test(p.sha256) ? { sha256: p.sha256.toLowerCase() } : {}),
    ...(p.acquisitionDate ? { acquisitionDate: p.acquisitionDate } : {}),
  };
}

/** contractId → delivery workspace, asking the vendor at most once per kind of lookup. */
function workspaceFinder(config: Pick<Config, 'providers'>, client: OneAtlasClient): (contractId: string) => Promise<string | undefined> {
  const declared = new Map((config.providers.oneatlas?.contracts ?? []).flatMap((c) => (c.workspace ? [[c.contractId, c.workspace] as const] : [])));
  let remote: Promise<Map<string, string | undefined>> | undefined;
  const discover = async () => {
    const contracts = (await client.contracts()).map((w, i) => fromContract(w, i));
    const legacy = contracts.some((c) => c.backend === 'legacy' && !c.workspace) ? (await client.me()).contract.workspaceId : undefined;
    return new Map(contracts.map((c) => [c.contractId, c.workspace ?? (c.backend === 'legacy' ? legacy : undefined)]));
  };
  return async (contractId) => declared.get(contractId) ?? (await (remote ??= discover())).get(contractId);
}
