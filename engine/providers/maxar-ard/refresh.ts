/**
 * Maxar ARD remote truth for the orders state tracks: one paged listing (limit 100), matched by order id or
 * `metadata.reference` — never one GET per order. An admin login reads the account's listing (seed 004, every
 * user's orders, so a colleague's or a CI job's order with the same reference is found too); any other
 * login reads its own orders (`GET /order`), which is all a user role may list. Pages are read one after
 * another: the listing pages by cursor (each page names the next), so none can be asked ahead.
 */
import { collect } from '../paging.js';
import type { ListedOrder, RemoteObservation } from '../../core/remote.js';
import type { RemoteReadResult } from '../provider.js';
import { groupBy, referenceOf, type Tracked } from '../../core/tracked.js';
import type { MaxarClient } from './client.js';
import { fromOrder, type MaxarOrderObservation } from './convert.js';

export const ORDER_PAGE_SIZE = 100;

/** A listed order as refresh reports it under an address. */
function observation(o: MaxarOrderObservation, foundBy: 'id' | 'reference'): RemoteObservation {
  return {
    exists: true,
    foundBy,
    status: o.status,
    orderId: o.orderId,
    ...(o.status === 'failed' ? { statusDetail: `Maxar ${o.vendorStatus}${o.statusMessage ? `: ${o.statusMessage}` : ''}` } : {}),
    observedSpec: o.shown,
  };
}

export async function refreshMaxarOrders(client: MaxarClient, tracked: readonly Tracked[]): Promise<RemoteReadResult> {
  const out: Record<string, RemoteObservation> = {};
  if (!tracked.length) return { observations: out };
  const listing = (await client.isAdmin()) ? await client.accountOrders({ limit: ORDER_PAGE_SIZE }) : client.myOrders({ limit: ORDER_PAGE_SIZE });
  const orders = (await collect(listing)).map(fromOrder);
  const byId = new Map(orders.map((o) => [o.orderId, o]));
  const byRef = groupBy(orders, (o) => o.reference);
  for (const t of tracked) {
    const id = t.state?.remote.orderId;
    const ref = referenceOf(t);
    const byOwnId = id ? byId.get(id) : undefined;
    const o = byOwnId ?? (ref ? byRef.get(ref)?.[0] : undefined);
    out[t.address] = o ? observation(o, byOwnId ? 'id' : 'reference') : { exists: false };
  }
  // A failed order bought nothing: it is no one's earlier purchase.
  const listed: ListedOrder[] = orders.flatMap((o) =>
    o.reference
      ? [{
          kind: 'maxar_ard_order' as const,
          reference: o.reference,
          vendorId: `Maxar order ${o.orderId}`,
          observation: observation(o, 'reference'),
          ...(o.status === 'failed' ? {} : { footprints: o.shown.acquisitions.map((itemId) => ({ itemId, geometry: o.shown.geometry })) }),
        }]
      : [],
  );
  return { observations: out, listed };
}
