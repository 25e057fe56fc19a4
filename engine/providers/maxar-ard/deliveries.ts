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
import { fromOrder } from './convert.js';
import { ORDER_PAGE_SIZE } from './refresh.js';
import type { WireOrderQuery, WireOutputConfig } from './wire.js';

/** URL scheme and the field naming the bucket, per destination (SDK order.py S3_Config, GCS_Config, AZ_Config). */
const SCHEMES: Record<string, { scheme: string; place: string }> = {
  amazon_s3: { scheme: 's3', place: 'bucket' },
  google_cloud_storage: { scheme: 'gs', place: 'bucket' },
  azure_blob_storage: { scheme: 'az', place: 'container' },
};

/** `s3://bucket/prefix`, `gs://…`, `az://container/prefix` (the storage account is in the SAS URL, never kept). */
export function locationOf(output: WireOutputConfig | undefined): string | undefined {
  const [kind, dest] = Object.entries(output ?? {})[0] ?? [];
  const s = kind === undefined ? undefined : SCHEMES[kind];
  const place = s && dest ? dest[s.place] : undefined;
  if (!s || typeof place !== 'string') return undefined;
  const prefix = typeof dest!.prefix === 'string' ? dest!.prefix.replace(/^\/+/, '') : '';
  return `${s.scheme}://${place}/${prefix}`;
}

export async function maxarDeliveries(client: MaxarClient, ctx: DeliveriesContext): Promise<OrderDeliveries[]> {
  const orders = ctx.resources.filter((r) => r.kind === 'maxar_ard_order' && r.status !== 'intent');
  if (!orders.length) return [];
  const { ordered, statuses } = ctx.query;
  const query: WireOrderQuery = { limit: ORDER_PAGE_SIZE, ...(ordered?.from ? { start_date: ordered.from } : {}), ...(ordered?.to ? { end_date: ordered.to } : {}) };
  const listed = (await client.visibleOrders(query)).orders;
  const seen = listed.map((w) => ({ w, o: fromOrder(w) }));
  const byId = new Map(seen.map((x) => [x.o.orderId, x]));
  const byRef = new Map(seen.filter((x) => x.o.reference).map((x) => [x.o.reference!, x]));
  const out: OrderDeliveries[] = [];
  for (const r of orders) {
    const customerReference = r.remote.customerReference ?? '';
    const found = (r.remote.orderId ? byId.get(r.remote.orderId) : undefined) ?? byRef.get(customerReference);
    // Outside the date range the listing was asked for: not this query's.
    if (!found && ordered) continue;
    if (statuses && !statuses.includes(found ? found.o.status : r.status)) continue;
    const location = locationOf(found?.w.order?.output_config) ?? locationOf((r.spec as Partial<MaxarOrderSpec> | undefined)?.outputConfig);
    out.push({
      address: r.address,
      vendor: 'maxar',
      customerReference,
      ...(found || r.remote.orderId ? { orderId: found?.o.orderId ?? r.remote.orderId } : {}),
      status: found ? found.o.vendorStatus + (found.o.statusMessage && found.o.status === 'failed' ? `: ${found.o.statusMessage}` : '') : 'not listed',
      ...(location ? { location } : {}),
      products: [],
    });
  }
  return out;
}
