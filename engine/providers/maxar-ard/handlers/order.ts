/**
 * Maxar ARD orders: one POST /order, guarded, carrying `metadata.reference` so that an order whose
 * answer was lost is found again in the account's order listing instead of being placed twice.
 */
import { specOf, stateFor, withIntent } from '../../../apply/resource-state.js';
import type { ChangeHandler } from '../../../apply/types.js';
import type { MaxarClient } from '../client.js';
import { fromOrder, toOrderRequest } from '../convert.js';

export function maxarOrderHandler(client: MaxarClient): ChangeHandler {
  return {
    async apply(change, spec, prior, ctx) {
      const s = specOf(spec, 'maxar_ard_order', change.address);
      if (change.action !== 'create') throw new Error(`${change.address}: a Maxar order cannot ${change.action}`);
      const ids = { customerReference: s.customerReference, accountId: s.accountId };
      return ctx.spend(change, s, async (cost) => {
        const o = fromOrder(await withIntent(ctx, s, prior, 'create', ids, () => client.placeOrder(toOrderRequest(s))));
        // Without a cost in the vendor's answer, the guarded price is what budgets count as spent.
        const price = o.price ?? (cost?.amount != null && cost.currency ? { amount: cost.amount, currency: cost.currency } : undefined);
        return stateFor(s, prior, ctx.now(), { status: o.status, remote: { ...ids, orderId: o.orderId }, ...(price ? { price } : {}) });
      });
    },
  };
}
