/**
 * Maxar ARD remote truth for the orders state tracks: one paged listing (limit 100), matched by order id or
 * `metadata.reference` — never one GET per order. An admin login reads the account's listing (seed 004, every
 * user's orders, so a colleague's or a CI job's order with the same reference is found too); any other
 * login reads its own orders (`GET /order`), which is all a user role may list (client.visibleOrders). Pages
 * are read one after another: the listing pages by cursor (each page names the next), so none can be asked ahead.
 */
import type { ListedOrder, RemoteObservation } from '../../core/remote.js';
import { groupBy, referenceOf, type Tracked } from '../../core/tracked.js';
import type { RemoteReadResult } from '../provider.js';
import type { MaxarClient } from './client.js';
import { fromOrder, type MaxarOrderObservation } from './convert.js';
import type { WireOrder } from './wire.js';

export const ORDER_PAGE_SIZE = 100;

/** A listed order as the wire gave it and as orderform reads it, converted once per listing. */
export interface SeenOrder {
  wire: WireOrder;
  seen: MaxarOrderObservation;
}

export interface FoundOrder extends SeenOrder {
  foundBy: 'id' | 'reference';
}

export function seenOrders(listed: readonly WireOrder[]): SeenOrder[] {
  return listed.map((wire) => ({ wire, seen: fromOrder(wire) }));
}

/** Finds a listed order by the id state recorded, else by its reference (the first listed of that reference). */
export function orderFinder(all: readonly SeenOrder[]): (orderId: string | undefined, reference: string | undefined) => FoundOrder | undefined {
  const byId = new Map(all.map((x) => [x.seen.orderId, x]));
  const byRef = groupBy(all, (x) => x.seen.reference);
  return (orderId, reference) => {
    const own = orderId ? byId.get(orderId) : undefined;
    const found = own ?? (reference ? byRef.get(reference)?.[0] : undefined);
    return found && { ...found, foundBy: own ? 'id' : 'reference' };
  };
}

/** A listed order as refresh reports it under an address. */
function observation(o: MaxarOrderObservation, foundBy: 'id' | 'reference'): RemoteObservation {
  return {
    exists: true,
    foundBy,
    status: o.status,
    orderId: o.orderId,
    ...(o.reference ? { reference: o.reference } : {}),
    ...(o.status === 'failed' ? { statusDetail: `Maxar ${o.vendorStatus}${o.statusMessage ? `: ${o.statusMessage}` : ''}` } : {}),
    observedSpec: o.shown,
  };
}

export async function refreshMaxarOrders(client: MaxarClient, tracked: readonly Tracked[]): Promise<RemoteReadResult> {
  const out: Record<string, RemoteObservation> = {};
  if (!tracked.length) return { observations: out };
  const all = seenOrders((await client.visibleOrders({ limit: ORDER_PAGE_SIZE })).orders);
  const find = orderFinder(all);
  for (const t of tracked) {
    const found = find(t.state?.remote.orderId, referenceOf(t));
    out[t.address] = found ? observation(found.seen, found.foundBy) : { exists: false };
  }
  // A failed order bought nothing: it is no one's earlier purchase.
  const listed: ListedOrder[] = all.flatMap(({ seen: o }) =>
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
