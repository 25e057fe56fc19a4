/**
 * `orderform quotation export ADDRESS`: asks the provider that quotes (Provider.quotations) for the
 * quotation ADDRESS stands for and its document. Reads only.
 */
import type { QuotationExport, QuotationQuery } from '../core/quotation.js';
import { DiagnosticsError, error } from '../diagnostics.js';
import type { Config, Providers } from '../model.js';
import type { ProviderClients } from '../providers/index.js';
import type { Provider } from '../providers/provider.js';
import { allProviders, providerOf } from '../providers/registry.js';

/** The provider asked about ADDRESS: its kind's owner when that one quotes, else the first that quotes. */
export function quotingProvider(config: Pick<Config, 'resources'>, address: string): Provider {
  const kind = config.resources.find((r) => r.address === address)?.kind;
  const owner = kind ? providerOf(kind) : undefined;
  const p = owner?.quotations ? owner : allProviders().find((x) => x.quotations);
  if (!p) throw new Error('no provider registers quotations');
  return p;
}

/** Only the quoting provider's settings: the clients built from them need only its credentials. */
export const quotingSettings = (config: Pick<Config, 'providers'>, p: Provider): Providers =>
  ({ [p.vendor]: (config.providers as Record<string, unknown>)[p.vendor] }) as Providers;

export async function exportQuotation(p: Provider, clients: ProviderClients, query: QuotationQuery): Promise<QuotationExport> {
  const client = p.clientOf(clients);
  if (!client) throw new DiagnosticsError([error(p.quotations!.notDeclared, `the config declares no ${p.title} provider`)]);
  return p.quotations!.export(client, query);
}
