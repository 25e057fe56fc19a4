/**
 * Maxar ARD remote truth for the orders state tracks: one paged listing (limit 100), matched by order id or
 * `metadata.reference` — never one GET per order. An admin login reads the account's listing (seed 004, every
 * user's orders, so a colleague's or a CI job's order with the same reference is found too); any other
 * login reads its own orders (`GET /order`), which is all a user role may list. Pages are read one after
 * another: the listing pages by cursor (each page names the next), so none can be asked ahead.
 */
import { collect } from '../paging.js';
import type { RemoteObservation } from '../../core/remote.js';
import { groupBy, referenceOf, type Tracked } from '../../core/tracked.js';
import type { MaxarClient } from './client.js';
import { fromOrder } from './convert.js';

const ORDER_PAGE_SIZE = 100;

export async function refreshMaxarOrders(client: MaxarClient, tracked: readonly Tracked[]): Promise<Record<string, RemoteObservation>> {
  const out: Record<string, RemoteObservation> = {};
  if (!tracked.length) return out;
  const listing = (await client.isAdmin()) ? await client.accountOrders({ limit: ORDER_PAGE_SIZE }) : client.myOrders({ limit: ORDER_PAGE_SIZE });
  const orders = (await collect(listing)).map(fromOrder);
  const byId = new Map(orders.map((o) => [o.orderId, o]));
  const byRef = groupBy(orders, (o) => o.reference);
  for (const t of tracked) {
    const id = t.state?.remote.orderId;
    const ref = referenceOf(t);
    const byOwnId = id ? byId.get(id) : undefined;
    const o = byOwnId ?? (ref ? byRef.get(ref)?.[0] : undefined);
    out[t.address] = o
      ? {
          exists: true,
          foundBy: byOwnId ? 'id' : 'reference',
          status: o.status,
          orderId: o.orderId,
          ...(o.status === 'failed' ? { statusDetail: `Maxar ${o.vendorStatus}${o.statusMessage ? `: ${o.statusMessage}` : ''}` } : {}),
        }
      : { exists: false };
  }
  return out;
}
