/** Which handler runs a change: its kind's provider's, over the clients the config needs. */
import type { ChangeHandler } from '../core/handler.js';
import { stateFor } from '../core/resource-state.js';
import { DiagnosticsError, error } from '../diagnostics.js';
import type { ProviderClients } from '../providers/index.js';
import type { Provider } from '../providers/provider.js';
import { providerOf } from '../providers/registry.js';
import type { HandlerFor } from './types.js';

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

function missing(p: Provider): ChangeHandler {
  return {
    apply: async (change) => {
      throw new DiagnosticsError([error('PROVIDER_NOT_CONFIGURED', `${change.address} needs the ${p.vendor} provider, which the config does not declare`, undefined,
        `Declare providers.${p.vendor} in the config, or forget the resource with \`orderform state rm ${change.address}\`.`)]);
    },
  };
}

export function createHandlers(clients: ProviderClients): HandlerFor {
  const byProvider = new Map<Provider, Readonly<Record<string, ChangeHandler>> | undefined>();
  const handlersOf = (p: Provider) => {
    if (!byProvider.has(p)) {
      const client = p.clientOf(clients);
      byProvider.set(p, client === undefined ? undefined : p.handlers(client));
    }
    return byProvider.get(p);
  };
  return (change) => {
    if (change.action === 'forget') return forgetHandler;
    if (change.action === 'adopt') return adoptHandler;
    const p = providerOf(change.kind);
    return handlersOf(p)?.[change.kind] ?? missing(p);
  };
}
