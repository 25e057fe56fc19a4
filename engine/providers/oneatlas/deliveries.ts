/**
 * Delivered products of the OneAtlas orders in state: each order's delivery workspace searched by
 * its customer reference. Workspaces come from the config's contracts, else from the vendor (the
 * neo contract's delivery workspace, the user's `/me` workspace for legacy contracts).
 */
import { inDayRange, type DeliveredProduct, type DeliveriesContext, type OrderDeliveries } from '../../core/deliveries.js';
import type { Config } from '../../model.js';
import type { OneAtlasClient } from './client.js';
import { fromContract } from './convert.js';
import type { WireFeature } from './wire.js';

/**
 * The workspace search takes the product criteria; `ordered` and `statuses` are read from state (when the
 * order was recorded, its status there: `orderform refresh` updates both).
 */
export async function oneatlasDeliveries(client: OneAtlasClient, ctx: DeliveriesContext): Promise<OrderDeliveries[]> {
  const workspaces = workspaceFinder(ctx.config, client);
  const { criteria, ordered, statuses } = ctx.query;
  const orders = ctx.resources.filter((r) => r.kind === 'oneatlas_order' && r.remote.customerReference && inDayRange(r.createdAt, ordered) && (!statuses || statuses.includes(r.status)));
  const out: OrderDeliveries[] = [];
  for (const r of orders) {
    const customerReference = r.remote.customerReference!;
    const workspace = r.remote.contractId ? await workspaces(r.remote.contractId) : undefined;
    const features = workspace ? await client.workspaceItems(workspace, customerReference, criteria).all() : [];
    out.push({
      address: r.address,
      vendor: 'oneatlas',
      customerReference,
      ...(r.remote.salesOrderId ? { orderId: r.remote.salesOrderId } : {}),
      ...(workspace ? { location: workspace } : {}),
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
