/** Which handler runs a change: its kind's provider's, over the clients the config needs. */
import type { ChangeHandler } from '../core/handler.js';
import { DiagnosticsError, error } from '../diagnostics.js';
import type { ProviderClients } from '../providers/index.js';
import type { Provider } from '../providers/provider.js';
import { providerOf } from '../providers/registry.js';
import type { HandlerFor } from './types.js';

/** `forget` touches nothing remote: the resource leaves state. */
const forgetHandler: ChangeHandler = { apply: async () => null };

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
    const p = providerOf(change.kind);
    return handlersOf(p)?.[change.kind] ?? missing(p);
  };
}
