/**
 * Pléiades Neo quotation decisions: one PUT accept (spends money, guarded) or refuse (with its
 * reason). The target order's state follows: accepted → an order refresh tracks, refused → closed.
 */
import { specOf, stateFor, withIntent } from '../../../core/resource-state.js';
import type { ApplyContext, ChangeHandler } from '../../../core/handler.js';
import { DiagnosticsError } from '../../../diagnostics.js';
import type { Money, QuotationDecisionSpec, RejectionReason } from '../../../model.js';
import type { ResourceState, ResourceStatus } from '../../../state/types.js';
import type { OneAtlasClient } from '../client.js';
import { fromOrderLine, quotationQuery, rejectionReasonId } from '../convert.js';

export interface QuotationRef {
  contractId: string;
  quotationId: string;
  /** The order in this config the quotation belongs to, if any. */
  orderAddress?: string;
}

/** Where the quotation is: on the target order's state (requested by orderform) or given by id. */
export function quotationRef(spec: QuotationDecisionSpec, current: (address: string) => ResourceState | undefined): QuotationRef {
  if ('quotationId' in spec.target) return { contractId: spec.target.contract.contractId, quotationId: spec.target.quotationId };
  const order = current(spec.target.order);
  const { quotationId, contractId } = order?.remote ?? {};
  if (!quotationId || !contractId) throw new Error(`${spec.address}: ${spec.target.order} has no quotation in state yet`);
  return { contractId, quotationId, orderAddress: spec.target.order };
}

async function followOrder(ctx: ApplyContext, ref: QuotationRef, status: ResourceStatus, salesOrderId?: string): Promise<void> {
  const order = ref.orderAddress ? ctx.current(ref.orderAddress) : undefined;
  if (!order) return;
  const remote = { ...order.remote, ...(salesOrderId ? { salesOrderId } : {}) };
  await ctx.record(order.address, { ...order, status, remote, updatedAt: ctx.now().toISOString() });
}

/** Thrown by the re-pricing right before an accept when the quotation is past its validity: it is never accepted. */
export class QuotationExpiredError extends DiagnosticsError {}

async function refuse(client: OneAtlasClient, ctx: ApplyContext, s: QuotationDecisionSpec, prior: ResourceState | undefined, ref: QuotationRef, reason: RejectionReason): Promise<ResourceState> {
  const ids = { contractId: ref.contractId, quotationId: ref.quotationId };
  await withIntent(ctx, s, prior, 'refuse', ids, () => client.refuseQuotation(ref.contractId, ref.quotationId, rejectionReasonId(reason)));
  await followOrder(ctx, ref, 'quotation-refused');
  // The declared spec is kept even when an expired quotation was refused under `accept`: the user changed nothing.
  return stateFor(s, prior, ctx.now(), { status: 'decided', remote: ids });
}

export function quotationDecisionHandler(client: OneAtlasClient): ChangeHandler {
  return {
    async apply(change, spec, prior, ctx) {
      const s = specOf(spec, 'quotation_decision', change.address);
      const ref = quotationRef(s, ctx.current);
      const ids = { contractId: ref.contractId, quotationId: ref.quotationId };
      switch (change.action) {
        case 'accept':
          try {
            return await ctx.spend(change, s, async (cost) => {
              const done = await withIntent(ctx, s, prior, 'accept', ids, () => client.acceptQuotation(ref.contractId, ref.quotationId));
              await followOrder(ctx, ref, 'in-progress', done.salesOrderId);
              const price = cost?.amount != null && cost.currency ? { amount: cost.amount, currency: cost.currency } : undefined;
              return stateFor(s, prior, ctx.now(), {
                status: 'decided',
                remote: { ...ids, ...(done.salesOrderId ? { salesOrderId: done.salesOrderId } : {}) },
                ...(price ? { price } : {}),
              });
            });
          } catch (e) {
            // Expired between plan and purchase: with refuseIfExpired the refusal is sent, never the accept.
            if (e instanceof QuotationExpiredError && s.refuseIfExpired) return refuse(client, ctx, s, prior, ref, 'expired');
            throw e;
          }
        case 'refuse': {
          // An expired quotation is refused with reason `expired` even under a declared accept: the plan says so.
          return refuse(client, ctx, s, prior, ref, change.refusalReason ?? s.reason ?? 'other');
        }
        default:
          throw new Error(`${change.address}: a quotation decision cannot ${change.action}`);
      }
    },
  };
}

/** The quotation now (one v2 orders search): what an accept is re-priced with, and whether it is past its validity. */
export async function currentQuotation(client: OneAtlasClient, ref: QuotationRef, now: Date): Promise<{ price?: Money; expired: boolean }> {
  for await (const line of client.searchOrders(quotationQuery(ref.quotationId), 1)) {
    const o = fromOrderLine(line);
    const lapsed = o.status === 'quotation-sent' && o.quotationValidUntil !== undefined && Date.parse(o.quotationValidUntil) < now.getTime();
    return { ...(o.price ? { price: o.price } : {}), expired: o.status === 'quotation-expired' || lapsed };
  }
  return { expired: false };
}
