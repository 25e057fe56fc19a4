/**
 * Maxar ARD orders: one POST /order, guarded, carrying `metadata.reference` so that an order whose
 * answer was lost is found again in the order listing instead of being placed twice. A refusal (a fee
 * limit passed since the plan, a bad AOI…) restores the prior state: nothing is recorded as placed.
 */
import { specOf, stateFor, withIntent } from '../../../core/resource-state.js';
import type { ChangeHandler } from '../../../core/handler.js';
import { error, type Diagnostic } from '../../../diagnostics.js';
import type { MaxarOrderSpec } from '../../../model.js';
import type { MaxarClient } from '../client.js';
import { fromOrder, toOrderRequest, type MaxarOrderObservation } from '../convert.js';
import { orRefusal } from '../refusals.js';
import { MAXAR_CURRENCY } from '../rules.js';

/**
 * Maxar accepted the order, then failed it (FAILED or ERROR, SDK order.py). It is recorded as failed, like a
 * failure refresh finds later, so that no run orders it again by itself: that is the user's call.
 */
function orderFailed(s: MaxarOrderSpec, o: MaxarOrderObservation): Diagnostic {
  const newKey = `${s.key}-2`;
  return error('MAXAR_ORDER_FAILED', `${s.address}: Maxar placed order ${o.orderId}, then reported it ${o.vendorStatus}${o.statusMessage ? `: ${o.statusMessage}` : ''}`, s.source,
    `A failed Maxar order is not charged and delivers nothing. It is recorded in state as failed, so applying again does not order it again. ` +
      `To try again once the cause is fixed, give the order a new key (e.g. \`${newKey}\`) and run \`orderform state rm ${s.address}\`: ` +
      'the new key is then planned, priced and ordered like any new order.');
}

export function maxarOrderHandler(client: MaxarClient): ChangeHandler {
  return {
    async apply(change, spec, prior, ctx) {
      const s = specOf(spec, 'maxar_ard_order', change.address);
      if (change.action !== 'create') throw new Error(`${change.address}: a Maxar order cannot ${change.action}`);
      return ctx.spend(change, s, async (cost) => {
        const body = toOrderRequest(s, (v) => client.secret(v));
        const ids = { customerReference: s.customerReference, accountId: await client.accountId() };
        const placed = await orRefusal(s, true, () => withIntent(ctx, s, prior, 'create', ids, () => client.placeOrder(body)));
        // The answer carries only the id (SDK order.py); the order's status says what Maxar charges. Without it
        // (a failed read), the estimate apply just checked is what budgets count as spent.
        const now = await client.order(placed.id).catch(() => null);
        const charged = now?.order?.usage?.cost.total_imagery_cost;
        const price = typeof charged === 'number' ? { amount: charged, currency: MAXAR_CURRENCY }
          : cost?.amount != null && cost.currency ? { amount: cost.amount, currency: cost.currency } : undefined;
        const seen = now ? fromOrder(now) : undefined;
        if (seen?.status === 'failed') ctx.report(s.address, orderFailed(s, seen));
        return stateFor(s, prior, ctx.now(), { status: seen?.status ?? 'in-progress', remote: { ...ids, orderId: placed.id }, ...(price ? { price } : {}) });
      });
    },
  };
}
