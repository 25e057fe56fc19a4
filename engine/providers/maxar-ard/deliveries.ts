/**
 * Maxar ARD deliveries: Maxar writes an order's tiles into the user's own bucket (its `output_config`), so
 * there is nothing to download from Maxar; what the user needs is each order's status and that place. One
 * listing for all the orders in state (client.visibleOrders: the account's with an admin login, the login's
 * own otherwise), matched by order id or `metadata.reference` like refresh. The order date range is the
 * listing's `start_date`/`end_date` (seed 004); a status is not among the documented `filter` fields (seed
 * 004: date_created, bundle_adjust, output_config), so statuses are matched here.
 */
import type { DeliveriesContext, OrderDeliveries } from '../../core/deliveries.js';
import type { MaxarOrderSpec } from '../../model.js';
import type { MaxarClient } from './client.js';
import { ORDER_PAGE_SIZE, orderFinder, seenOrders } from './refresh.js';
import type { WireOrderQuery, WireOutputConfig } from './wire.js';

/** URL scheme and the field naming the bucket, per destination (SDK ard_collection.py from_order, order.py *_Config). */
const SCHEMES: Record<string, { scheme: string; place: string }> = {
  amazon_s3: { scheme: 's3', place: 'bucket' },
  google_cloud_storage: { scheme: 'gs', place: 'bucket' },
  azure_blob_storage: { scheme: 'az', place: 'container' },
};

/**
 * `s3://bucket/prefix`, `gs://…`, `az://container/prefix`, as Maxar's SDK opens a finished order's output
 * (ard_collection.py: `{protocol}://{bucket}/{prefix}`, the legacy top-level `{bucket, prefix}` being S3).
 * The Azure storage account is in the SAS URL, which is never kept.
 */
export function locationOf(output: WireOutputConfig | Record<string, unknown> | undefined): string | undefined {
  if (!output) return undefined;
  const legacy = typeof output.bucket === 'string' ? { scheme: 's3', dest: output as Record<string, unknown>, place: 'bucket' } : undefined;
  const [kind, dest] = Object.entries(output).find(([k]) => k in SCHEMES) ?? [];
  const found = legacy ?? (kind && typeof dest === 'object' && dest !== null ? { ...SCHEMES[kind]!, dest: dest as Record<string, unknown> } : undefined);
  const place = found?.dest[found.place];
  if (!found || typeof place !== 'string') return undefined;
  const prefix = typeof found.dest.prefix === 'string' ? found.dest.prefix.replace(/^\/+/, '') : '';
  return `${found.scheme}://${place}/${prefix}`;
}

export async function maxarDeliveries(client: MaxarClient, ctx: DeliveriesContext): Promise<OrderDeliveries[]> {
  const orders = ctx.resources.filter((r) => r.kind === 'maxar_ard_order' && r.status !== 'intent');
  if (!orders.length) return [];
  const { ordered, statuses } = ctx.query;
  const query: WireOrderQuery = { limit: ORDER_PAGE_SIZE, ...(ordered?.from ? { start_date: ordered.from } : {}), ...(ordered?.to ? { end_date: ordered.to } : {}) };
  const find = orderFinder(seenOrders((await client.visibleOrders(query)).orders));
  const out: OrderDeliveries[] = [];
  for (const r of orders) {
    const found = find(r.remote.orderId, r.remote.customerReference);
    // Outside the date range the listing was asked for: not this query's.
    if (!found && ordered) continue;
    if (statuses && !statuses.includes(found ? found.seen.status : r.status)) continue;
    const o = found?.seen;
    const orderId = o?.orderId ?? r.remote.orderId;
    const location = locationOf(found?.wire.order?.output_config) ?? locationOf((r.spec as Partial<MaxarOrderSpec> | undefined)?.outputConfig);
    out.push({
      address: r.address,
      vendor: 'maxar',
      customerReference: r.remote.customerReference ?? '',
      ...(orderId ? { orderId } : {}),
      status: o ? o.vendorStatus + (o.status === 'failed' && o.statusMessage ? `: ${o.statusMessage}` : '') : 'not listed',
      ...(location ? { location } : {}),
      products: [],
    });
  }
  return out;
}
