/**
 * The one list of vendors. Plan, apply and state find a resource's provider and traits here, by
 * kind; nothing else in the engine chooses a vendor. Shipped providers register below; a test can
 * register another one (DNSControl's RegisterDomainServiceProviderType does the same at init).
 */
import type { Order } from '../../schemas/generated/config.js';
import type { KindTraits } from '../core/kinds.js';
import type { ResourceKind } from '../model.js';
import { MAXAR_KINDS, maxarProvider } from './maxar-ard/provider.js';
import { ONEATLAS_KINDS, oneatlasProvider } from './oneatlas/provider.js';
import type { ConfigBlocks, Provider } from './provider.js';

/** Compile-checked: a shipped kind without traits (or traits of a kind that does not exist) is a type error. */
const SHIPPED_KINDS = { ...ONEATLAS_KINDS, ...MAXAR_KINDS } satisfies Record<ResourceKind, KindTraits>;
/** Compile-checked: every `vendor:` an order may name (the config schema's list) has a shipped provider. */
const SHIPPED = { oneatlas: oneatlasProvider, maxar: maxarProvider } satisfies Record<Order['vendor'], Provider>;

type Shipped = typeof SHIPPED;
/** The `providers:` settings of a config, by vendor, as each shipped provider normalizes them (`Config.providers`). */
export type ShippedSettings = { [V in keyof Shipped]?: Shipped[V] extends Provider<unknown, infer S, unknown, unknown> ? S : never };
/** The clients built for a run, by vendor (`ProviderClients`). */
export type ShippedClients = { [V in keyof Shipped]?: Shipped[V] extends Provider<infer C, unknown, unknown, unknown> ? C : never };
/** What `orderform discover` found, by vendor. */
/** What `orderform search` found, by vendor. */
export type ShippedSearch = { [V in keyof Shipped]?: Shipped[V] extends Provider<unknown, unknown, unknown, infer F> ? F : never };
export type ShippedDiscovery = { [V in keyof Shipped]?: Shipped[V] extends Provider<unknown, unknown, infer F, unknown> ? F : never };

const providers: Provider[] = [];
const byKind = new Map<string, Provider>();

/** Adds a provider; its kinds must be new. */
export function registerProvider(p: Provider): void {
  for (const kind of Object.keys(p.kinds)) {
    if (byKind.has(kind)) throw new Error(`resource kind ${kind} is already registered by ${byKind.get(kind)!.vendor}`);
  }
  providers.push(p);
  for (const kind of Object.keys(p.kinds)) byKind.set(kind, p);
}

for (const p of Object.values(SHIPPED)) registerProvider(p);

export function allProviders(): readonly Provider[] {
  return providers;
}

/** The provider that owns a kind; an unknown kind is a bug, never a silent default. */
export function providerOf(kind: string): Provider {
  const p = byKind.get(kind);
  if (!p) throw new Error(`no provider registers resource kind ${kind}`);
  return p;
}

/** The provider an order's `vendor:` names; the schema lets no other through, so an unknown one is a bug. */
export function providerNamed(vendor: string): Provider {
  const p = providers.find((x) => x.vendor === vendor);
  if (!p) throw new Error(`no provider registers vendor ${vendor}`);
  return p;
}

/** Compile-checked: every config block besides `orders:` has the provider that normalizes it. */
const BLOCK_OWNERS = { quotations: oneatlasProvider, alerts: oneatlasProvider } satisfies Record<keyof ConfigBlocks, Provider>;

/** The normalizer of a resource block (`quotations:`, `alerts:`), from the provider that owns it. */
export function blockNormalizer<B extends keyof ConfigBlocks>(block: B): ConfigBlocks[B] {
  const normalize = BLOCK_OWNERS[block].blocks?.[block];
  if (!normalize) throw new Error(`provider ${BLOCK_OWNERS[block].vendor} does not normalize the ${block} block it owns`);
  return normalize;
}

export function traitsOf(kind: string): KindTraits {
  return (SHIPPED_KINDS as Record<string, KindTraits>)[kind] ?? providerOf(kind).kinds[kind]!;
}
