/** Maxar ARD behind the provider seam: orders priced from the account's per-km² pricing. */
import type { KindTraits } from '../../core/kinds.js';
import type { MaxarOrderSpec, MaxarProvider, ResourceKind } from '../../model.js';
import type { Provider } from '../provider.js';
import { differences, referenceHeld } from '../reference-held.js';
import type { MaxarOrderShown } from './convert.js';
import type { MaxarClient } from './client.js';
import type { MaxarOrder } from '../../../schemas/generated/config.js';
import type { Entry } from '../../config/merge.js';
import { discoverMaxar, writeMaxar, type MaxarDiscovery } from './discover.js';
import { maxarDeliveries } from './deliveries.js';
import { maxarOrderEntries, selectMaxar, type MaxarSelection } from './select.js';
import type { AgeCategory } from './pricing.js';
import { pickHits } from '../../search/pick.js';
import { importMaxarOrder } from './import.js';
import { normalizeMaxarOrder } from './normalize-order.js';
import { maxarOrderHandler } from './handlers/order.js';
import { maxarPricing } from './pricing.js';
import { MAXAR_CURRENCY, maxarRules } from './rules.js';
import { refreshMaxarOrders } from './refresh.js';
import { maxarSettings } from './settings.js';

export const MAXAR_KINDS = {
  maxar_ard_order: { lifecycle: 'order', createSpends: true, maxPrice: 'spend-limits', deletedWhenRemoved: false },
} as const satisfies Partial<Record<ResourceKind, KindTraits>>;

export const maxarProvider: Provider<MaxarClient, MaxarProvider, MaxarDiscovery, MaxarSelection> = {
  vendor: 'maxar',
  title: 'Maxar ARD',
  kinds: MAXAR_KINDS,
  settings: maxarSettings,
  currency: { fixed: MAXAR_CURRENCY },
  search: {
    run: (client, q) =>
      selectMaxar(client, {
        aoi: q.aoi,
        limit: q.limit,
        ...(q.acquired?.from ? { from: q.acquired.from } : {}),
        ...(q.acquired?.to ? { to: q.acquired.to } : {}),
        ...(q.maxCloud !== undefined ? { maxCloud: q.maxCloud } : {}),
        ...(q.options.category ? { categories: q.options.category as AgeCategory[] } : {}),
      }),
    count: (found) => found.hits.length,
    orders: (found, pick, ctx) => maxarOrderEntries(pickHits(found.hits, pick), ctx),
    unreachable: {
      summary: 'search --vendor maxar needs a Maxar ARD login',
      detail: 'Set ORDERFORM_MAXAR_USERNAME and ORDERFORM_MAXAR_PASSWORD, or declare providers.maxar in the config.',
    },
  },
  discovery: { run: discoverMaxar, credentials: (s) => ({ usernameEnv: s.usernameEnv, passwordEnv: s.passwordEnv }), write: writeMaxar },
  normalizeOrder: (entry, ctx) => normalizeMaxarOrder(entry as Entry<MaxarOrder>, ctx),
  rules: maxarRules,
  creation: () => ({ action: 'create', listedAtOnce: true, importId: 'ORDER_ID' }),
  adoption: (spec, r) => {
    const d = spec as MaxarOrderSpec;
    const held = `Maxar order ${r.orderId ?? '?'}`;
    const shown = r.observedSpec as MaxarOrderShown | undefined;
    const diffs = differences([
      { path: 'acquisitions', shown: shown?.acquisitions.length ? shown.acquisitions : undefined, declared: [...new Set(d.acquisitions)].sort() },
      { path: 'aoi', shown: shown?.geometry ?? undefined, declared: d.aoi.geometry },
      { path: 'bundleAdjust', shown: shown?.bundleAdjust, declared: d.bundleAdjust },
    ]);
    if (diffs.length) return referenceHeld(d, held, diffs);
    const remote = { customerReference: r.reference ?? d.customerReference, accountId: d.accountId, ...(r.orderId ? { orderId: r.orderId } : {}) };
    return { adopt: { remote, status: r.status ?? 'active', vendorId: held } };
  },
  footprints: (spec) => {
    const s = spec as Partial<MaxarOrderSpec> | null;
    return s?.kind === 'maxar_ard_order' && s.acquisitions ? s.acquisitions.map((itemId) => ({ itemId, geometry: s.aoi?.geometry ?? null })) : [];
  },
  clientOf: (clients) => clients.maxar,
  reads: (client, tracked) => (tracked.length ? [{ what: 'Maxar orders', read: () => refreshMaxarOrders(client, tracked) }] : []),
  pricing: maxarPricing,
  importResource: (client, spec, id) => importMaxarOrder(client, spec as MaxarOrderSpec, id),
  handlers: (client) => ({ maxar_ard_order: maxarOrderHandler(client) }),
  deliveries: maxarDeliveries,
};
