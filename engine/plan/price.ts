/**
 * Prices planned changes through the provider of each change's kind (engine/providers/<vendor>/pricing.ts),
 * and gathers the account limits the spend counts against. One Pricing per plan or apply run: what a
 * provider reads for it is kept by that object only. Reads only; a price the vendor refuses throws
 * (HttpError / DiagnosticsError) for the caller to position.
 */
import type { AccountLimit } from '../core/account-limit.js';
import type { Change, Cost } from '../core/change.js';
import type { VendorPurchases } from '../core/purchases.js';
import type { RemoteView } from '../core/remote.js';
import type { Config, ResourceSpec } from '../model.js';
import type { ProviderClients } from '../providers/index.js';
import type { Provider, ProviderPricing } from '../providers/provider.js';
import { allProviders, providerOf } from '../providers/registry.js';
import type { ResourceState } from '../state/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { purchaseCeilings } from './ceilings.js';
import { spendsMoney } from './cost.js';

/** What the vendors' offers say of a creation about to be planned: its problems, none when acceptable or unchecked. */
export type OfferCheck = (change: Change, spec: ResourceSpec) => Diagnostic[];

export interface Pricing {
  /** The limits of every account the config's resources spend against, provider by provider. */
  accountLimits(): Promise<AccountLimit[]>;
  price(change: Change, spec: ResourceSpec | undefined, remote: RemoteView): Promise<Cost | null>;
  /** The price right before buying, read again from the vendor. */
  reprice(change: Change, spec: ResourceSpec, current: (address: string) => ResourceState | undefined): Promise<Cost | null>;
  /** Plan only: reads what the vendors offer for the resources not placed yet (state holds none, or an intent). */
  offer(unplaced: readonly ResourceSpec[]): Promise<OfferCheck>;
  /** What each vendor lists as bought since `since`, for the budget (only vendors with a listing). */
  purchases(since: Date | null): Promise<VendorPurchases[]>;
  /** What the vendors' reads of this run could not see, as warnings. */
  notes(): Diagnostic[];
}

export function createPricing(clients: ProviderClients, config: Pick<Config, 'providers' | 'resources'>, now: () => Date): Pricing {
  const sessions = new Map<Provider, ProviderPricing>();
  const ceilings = purchaseCeilings(config.resources);
  const ceilingOf = (address: string) => ceilings.get(address)?.money;
  const own = (p: Provider) => (r: ResourceSpec) => r.kind in p.kinds;
  for (const p of allProviders()) {
    const client = p.clientOf(clients);
    const resources = config.resources.filter(own(p));
    if (client !== undefined) sessions.set(p, p.pricing(client, { config: { providers: config.providers, resources }, now, ceilingOf }));
  }
  const sessionOf = (change: Change): ProviderPricing => {
    const p = providerOf(change.kind);
    const s = sessions.get(p);
    if (!s) throw new Error(`no ${p.title} client to price ${change.address}`);
    return s;
  };
  return {
    accountLimits: async () => (await Promise.all([...sessions.values()].map((s) => s.accountLimits()))).flat(),
    async price(change, spec, remote) {
      if (change.action === 'noop' || change.action === 'forget' || change.action === 'adopt') return null;
      // A resource of an undeclared provider (in state only) can still be shown; anything that spends needs its client.
      if (!spendsMoney(change) && !sessions.has(providerOf(change.kind))) return { amount: 0, currency: null, basis: 'free', vendor: providerOf(change.kind).vendor };
      return sessionOf(change).price(change, spec, remote);
    },
    reprice: (change, spec, current) => sessionOf(change).reprice(change, spec, current),
    async offer(unplaced) {
      const checks = await Promise.all(
        [...sessions].map(async ([p, s]) => {
          const mine = unplaced.filter(own(p));
          return mine.length && s.offer ? [p, await s.offer(mine)] as const : undefined;
        }),
      );
      const byProvider = new Map(checks.filter((c) => c !== undefined));
      return (change, spec) => byProvider.get(providerOf(change.kind))?.(change, spec) ?? [];
    },
    purchases: (since) => Promise.all([...sessions.values()].flatMap((s) => (s.purchases ? [s.purchases(since)] : []))),
    notes: () => [...sessions.values()].flatMap((s) => s.notes?.() ?? []),
  };
}
