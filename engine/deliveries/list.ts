/**
 * `orderform deliveries`: for each order in state, what its vendor delivered, asked of the provider that
 * owns its kind (its `deliveries` hook). Names no vendor: the registry says who lists what.
 */
import type { DayRange, DeliveriesQuery, Downloader, OrderDeliveries } from '../core/deliveries.js';
import { DiagnosticsError, error, type Diagnostic } from '../diagnostics.js';
import type { Config } from '../model.js';
import type { ProviderClients } from '../providers/index.js';
import { allProviders } from '../providers/registry.js';
import type { StateSnapshot } from '../state/types.js';

export type { DeliveredProduct, OrderDeliveries } from '../core/deliveries.js';

/** `--ordered-from`/`--ordered-to` as a range of days: calendar dates only (what an order listing filters on). */
export function orderedRange(from: string | undefined, to: string | undefined): DayRange | undefined {
  const problems: Diagnostic[] = [];
  for (const [flag, v] of [['ordered-from', from], ['ordered-to', to]] as const) {
    if (v !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))) {
      problems.push(error('INVALID_DATE', `--${flag} ${v} is not a date`, undefined, 'use YYYY-MM-DD, e.g. 2024-06-30 (the day is included)'));
    }
  }
  if (!problems.length && from !== undefined && to !== undefined && from > to) problems.push(error('INVALID_DATE_RANGE', `--ordered-from ${from} is after --ordered-to ${to}`));
  if (problems.length) throw new DiagnosticsError(problems);
  return from === undefined && to === undefined ? undefined : { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/**
 * The providers to ask: declared in the config, able to list deliveries, and owning some resource in state.
 * Only their credentials are read (orders of one vendor need no other vendor's login; an empty state, none).
 */
export function deliveryProviders(config: Pick<Config, 'providers'>, state: StateSnapshot) {
  const kinds = new Set(Object.values(state.resources).map((r) => r.kind as string));
  return allProviders().filter((p) => p.deliveries && (config.providers as Record<string, unknown>)[p.vendor] !== undefined && Object.keys(p.kinds).some((k) => kinds.has(k)));
}

/** Every such provider's deliveries for its orders in state, sorted by address. */
export async function listDeliveries(state: StateSnapshot, config: Pick<Config, 'providers'>, clients: ProviderClients, query: DeliveriesQuery): Promise<OrderDeliveries[]> {
  const resources = Object.values(state.resources).sort((a, b) => (a.address < b.address ? -1 : 1));
  const out: OrderDeliveries[] = [];
  for (const p of deliveryProviders(config, state)) {
    const client = p.clientOf(clients);
    if (client === undefined) continue;
    out.push(...(await p.deliveries!(client, { config, query, resources: resources.filter((r) => r.kind in p.kinds) })));
  }
  return out.sort((a, b) => (a.address < b.address ? -1 : 1));
}

/** The downloader of the provider that listed an order's products (undefined: that vendor downloads nothing). */
export function downloaderOf(order: OrderDeliveries, clients: ProviderClients): Downloader | undefined {
  const p = allProviders().find((x) => x.vendor === order.vendor);
  const client = p?.clientOf(clients);
  return p?.downloader && client !== undefined ? p.downloader(client) : undefined;
}
