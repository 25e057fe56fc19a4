/** Which handler runs a change: by resource kind, over the clients the config needs. */
import { DiagnosticsError, error } from '../diagnostics.js';
import type { ResourceKind } from '../model.js';
import { maxarOrderHandler } from '../providers/maxar-ard/handlers/order.js';
import type { ProviderClients } from '../providers/index.js';
import { oneatlasAlertHandler } from '../providers/oneatlas/handlers/alert.js';
import { oneatlasOrderHandler } from '../providers/oneatlas/handlers/order.js';
import { quotationDecisionHandler } from '../providers/oneatlas/handlers/quotation-decision.js';
import { stateFor } from './resource-state.js';
import type { ChangeHandler, HandlerFor } from './types.js';

/** `forget` touches nothing remote: the resource leaves state. */
const forgetHandler: ChangeHandler = { apply: async () => null };

/** `adopt` touches nothing remote: the object the plan found at the vendor enters state as it stands. */
const adoptHandler: ChangeHandler = {
  apply: async (change, spec, prior, ctx) => {
    if (!spec || !change.adopt) throw new Error(`${change.address}: nothing to adopt`);
    const { remote, status, price, movedFrom } = change.adopt;
    const moved = movedFrom ? ctx.current(movedFrom) : undefined;
    const next = stateFor(spec, moved ?? prior, ctx.now(), { status, remote, ...(price ? { price } : {}) });
    if (!movedFrom) return next;
    // New address first, then the old one: a run stopped in between leaves both, and the next plan drops the old (never a gap).
    await ctx.record(spec.address, next);
    await ctx.record(movedFrom, null);
    return next;
  },
};

function missing(vendor: string): ChangeHandler {
  return {
    apply: async (change) => {
      throw new DiagnosticsError([error('PROVIDER_NOT_CONFIGURED', `${change.address} needs the ${vendor} provider, which the config does not declare`, undefined,
        `Declare providers.${vendor} in the config, or forget the resource with \`orderform state rm ${change.address}\`.`)]);
    },
  };
}

export function createHandlers(clients: Pick<ProviderClients, 'oneatlas' | 'maxar'>): HandlerFor {
  const oa = clients.oneatlas;
  const byKind: Record<ResourceKind, ChangeHandler> = {
    oneatlas_order: oa ? oneatlasOrderHandler(oa) : missing('oneatlas'),
    oneatlas_alert: oa ? oneatlasAlertHandler(oa) : missing('oneatlas'),
    quotation_decision: oa ? quotationDecisionHandler(oa) : missing('oneatlas'),
    maxar_ard_order: clients.maxar ? maxarOrderHandler(clients.maxar) : missing('maxar'),
  };
  return (change) => (change.action === 'forget' ? forgetHandler : change.action === 'adopt' ? adoptHandler : byKind[change.kind]);
}
