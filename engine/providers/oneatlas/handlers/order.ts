/**
 * OneAtlas orders: a legacy order is placed with one POST /orders (spends credit); a Pléiades Neo
 * order starts as one POST /quotations and becomes an order when its quotation is accepted.
 * Each records its intent, with the customerReference that finds it again, before the call.
 */
import { specOf, stateFor, withIntent } from '../../../core/resource-state.js';
import type { ChangeHandler } from '../../../core/handler.js';
import type { OneAtlasClient } from '../client.js';
import { fromAmount, fromOrderCreated, toWorkOrder } from '../convert.js';

export function oneatlasOrderHandler(client: OneAtlasClient): ChangeHandler {
  return {
    async apply(change, spec, prior, ctx) {
      const s = specOf(spec, 'oneatlas_order', change.address);
      const ids = { customerReference: s.customerReference, contractId: s.contract.contractId };
      switch (change.action) {
        case 'create':
          return ctx.spend(change, s, async () => {
            const placed = fromOrderCreated(await withIntent(ctx, s, prior, 'create', ids, () => client.createOrder(toWorkOrder(s))));
            const remote = { ...ids, ...(placed.salesOrderId ? { salesOrderId: placed.salesOrderId } : {}), ...(placed.quotationId ? { quotationId: placed.quotationId } : {}) };
            return stateFor(s, prior, ctx.now(), { status: placed.salesOrderId ? 'in-progress' : 'quotation-sent', remote, price: placed.price });
          });
        case 'request-quotation': {
          const q = await withIntent(ctx, s, prior, 'request-quotation', ids, () => client.requestQuotation(toWorkOrder(s)));
          return stateFor(s, prior, ctx.now(), { status: 'quotation-sent', remote: { ...ids, quotationId: q.quotationId }, price: fromAmount(q) });
        }
        default:
          throw new Error(`${change.address}: a OneAtlas order cannot ${change.action}`);
      }
    },
  };
}
