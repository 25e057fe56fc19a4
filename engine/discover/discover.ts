/**
 * Account discovery: every provider reached says what its account holds (Provider.discovery: contracts,
 * product types, pricing, limits …). Reads only; the result is data for a table or a config, by vendor.
 */
import type { DiscoverOptions } from '../core/discovery.js';
import type { ProviderClients } from '../providers/index.js';
import { allProviders, type ShippedDiscovery } from '../providers/registry.js';

export type { DiscoverOptions } from '../core/discovery.js';

/** What each provider reached found, by vendor. */
export type Discovery = ShippedDiscovery;

export async function discover(clients: ProviderClients, opts: DiscoverOptions = {}): Promise<Discovery> {
  const found = await Promise.all(
    allProviders().map(async (p) => {
      const client = p.clientOf(clients);
      return client !== undefined && p.discovery ? [[p.vendor, await p.discovery.run(client, opts)] as const] : [];
    }),
  );
  return Object.fromEntries(found.flat()) as Discovery;
}
