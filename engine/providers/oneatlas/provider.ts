/** Airbus OneAtlas behind the provider seam: orders (legacy and Pléiades Neo), quotation decisions, AOI alerts. */
import type { KindTraits } from '../../core/kinds.js';
import type { Tracked } from '../../core/tracked.js';
import type { ResourceKind } from '../../model.js';
import type { Creation, Provider, RemoteRead } from '../provider.js';
import type { OneAtlasClient } from './client.js';
import { importOneAtlas } from './import.js';
import { oneatlasAlertHandler } from './handlers/alert.js';
import { oneatlasOrderHandler } from './handlers/order.js';
import { quotationDecisionHandler } from './handlers/quotation-decision.js';
import { oneatlasPricing } from './pricing.js';
import { oneAtlasRules } from './rules.js';
import { refreshAlerts, refreshLegacy, refreshNeo } from './refresh.js';

export const ONEATLAS_KINDS = {
  oneatlas_order: { lifecycle: 'order', createSpends: true, maxPrice: 'spend-limits', deletedWhenRemoved: false },
  quotation_decision: { lifecycle: 'decision', createSpends: false, maxPrice: 'quotation-ceiling', deletedWhenRemoved: false },
  oneatlas_alert: { lifecycle: 'renamable', createSpends: false, maxPrice: 'none', deletedWhenRemoved: true },
} as const satisfies Partial<Record<ResourceKind, KindTraits>>;

/** Pléiades Neo orders, and decisions on a quotation placed elsewhere: both found through the v2 orders search. */
const isNeo = (t: Tracked) =>
  (t.kind === 'oneatlas_order' && t.spec.contract?.backend === 'neo') ||
  (t.kind === 'quotation_decision' && t.spec.target !== undefined && 'quotationId' in t.spec.target);

/** A legacy order shows only once delivered (in the delivery workspace): until then only its sales order id finds it. */
const LEGACY: Creation = {
  action: 'create',
  listedAtOnce: false,
  unlistedHint: (address) =>
    `OneAtlas lists a legacy order only once it is delivered. If you know its sales order id, run \`orderform import ${address} SALES_ORDER_ID\`.`,
};

export const oneatlasProvider: Provider<OneAtlasClient> = {
  vendor: 'oneatlas',
  title: 'OneAtlas',
  kinds: ONEATLAS_KINDS,
  rules: oneAtlasRules,
  creation(spec) {
    if (spec.kind !== 'oneatlas_order') return { action: 'create', listedAtOnce: true };
    // Pléiades Neo orders start as a quotation, found at once through the v2 orders search.
    return spec.contract.backend === 'neo' ? { action: 'request-quotation', listedAtOnce: true } : LEGACY;
  },
  clientOf: (clients) => clients.oneatlas,
  reads(client, tracked, now) {
    const alerts = tracked.filter((t) => t.kind === 'oneatlas_alert');
    const neo = tracked.filter(isNeo);
    const legacy = tracked.filter((t) => t.kind === 'oneatlas_order' && t.spec.contract?.backend === 'legacy');
    const reads: RemoteRead[] = [];
    if (alerts.length) reads.push({ what: 'alerts', read: () => refreshAlerts(client, alerts) });
    if (neo.length) reads.push({ what: 'Pléiades Neo orders', read: () => refreshNeo(client, neo, now()) });
    if (legacy.length) reads.push({ what: 'OneAtlas workspace', read: () => refreshLegacy(client, legacy) });
    return reads;
  },
  pricing: oneatlasPricing,
  importResource: importOneAtlas,
  handlers: (client) => ({
    oneatlas_order: oneatlasOrderHandler(client),
    oneatlas_alert: oneatlasAlertHandler(client),
    quotation_decision: quotationDecisionHandler(client),
  }),
};
