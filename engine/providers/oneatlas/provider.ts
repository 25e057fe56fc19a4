/** Airbus OneAtlas behind the provider seam: orders (legacy and Pléiades Neo), quotation decisions, AOI alerts. */
import type { KindTraits } from '../../core/kinds.js';
import type { Tracked } from '../../core/tracked.js';
import { canonicalStringify } from '../../core/canonical.js';
import type { Footprint, RemoteObservation } from '../../core/remote.js';
import type { OneAtlasOrderSpec, OneAtlasProvider, ResourceKind, ResourceSpec } from '../../model.js';
import type { AdoptionFound, Creation, Provider, RemoteRead } from '../provider.js';
import { differences, referenceHeld, type ShownField } from '../reference-held.js';
import type { OneAtlasClient } from './client.js';
import type { OneAtlasOrder } from '../../../schemas/generated/config.js';
import type { Entry } from '../../config/merge.js';
import { oneatlasDeliveries } from './deliveries.js';
import { importOneAtlas } from './import.js';
import { normalizeAlert } from './normalize-alert.js';
import { normalizeOneAtlasOrder } from './normalize-order.js';
import { normalizeQuotation } from './normalize-quotation.js';
import { oneatlasAlertHandler } from './handlers/alert.js';
import { oneatlasOrderHandler } from './handlers/order.js';
import { quotationDecisionHandler } from './handlers/quotation-decision.js';
import { oneatlasPricing } from './pricing.js';
import { oneAtlasRules } from './rules.js';
import { discoverOneAtlas, writeOneAtlas, type OneAtlasDiscovery } from './discover.js';
import { exportQuotation } from './quotation-export.js';
import { searchCatalog, type Constellation, type SearchHit } from './catalog-search.js';
import { orderEntries } from './order-skeleton.js';
import { pickHits } from '../../search/pick.js';
import { oneatlasAsWritten } from './as-written.js';
import { oneatlasSettings } from './settings.js';
import { refreshAlerts, refreshLegacy, refreshNeo, type NeoOrderShown } from './refresh.js';

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
function legacy(spec: OneAtlasOrderSpec): Creation {
  return {
    action: 'create',
    listedAtOnce: false,
    importId: 'SALES_ORDER_ID',
    unlisted: {
      hint: (importCommand) => `OneAtlas lists a legacy order only once it is delivered. If you know its sales order id, run \`${importCommand}\`.`,
      note: `not checked at the vendor: a ${spec.mission} order shows there only once delivered (reference ${spec.customerReference})`,
      uncheckable: (n, names) => ({
        summary: `${n} SPOT/Pléiades order${n === 1 ? '' : 's'} not in state could not be checked at the vendor: ${names}`,
        detail: 'OneAtlas shows a SPOT/Pléiades order only once it is delivered (its delivery workspace), so one still in production under the same ' +
          'reference is invisible. What protects it: apply records an intent in state before ordering, and keeps the previous state as a backup ' +
          '(docs/apply.md). If these were ordered from a state you no longer have, restore that state instead of applying.',
      }),
    },
  };
}

/** What the vendor shows of an order found by reference, beside what this order declares (oneatlas-detailed.md §6 OrderLine). */
function shownFields(d: OneAtlasOrderSpec, r: RemoteObservation): ShownField[] {
  const shown = r.observedSpec as NeoOrderShown | undefined;
  const declaredGeometries = d.aois.flatMap((a) => (a.geometry ? [canonicalStringify(a.geometry)] : [])).sort();
  return [
    { path: 'productTypeId', shown: r.productTypeId, declared: d.productTypeId },
    { path: 'aois', shown: shown?.geometries.length ? shown.geometries.map((g) => canonicalStringify(g)).sort() : undefined, declared: declaredGeometries },
    // An option the order leaves unset takes the vendor's default: only options it sets are compared.
    ...Object.entries(shown?.options ?? {}).flatMap(([key, value]) => (key in d.options ? [{ path: `options.${key}`, shown: value, declared: d.options[key] }] : [])),
  ];
}

/** What apply records for an object found under a declared resource's reference, with the ids later runs find it by. */
function adoption(d: ResourceSpec, r: RemoteObservation): AdoptionFound {
  const status = r.status ?? 'active';
  const q = r.quotation;
  const price = q && q.amount !== null && q.currency ? { amount: q.amount, currency: q.currency } : undefined;
  switch (d.kind) {
    case 'oneatlas_order': {
      const held = r.salesOrderId ? `sales order ${r.salesOrderId}` : `quotation ${q?.id ?? '?'}`;
      const diffs = differences(shownFields(d, r));
      if (diffs.length) return referenceHeld(d, held, diffs);
      const remote = {
        customerReference: r.reference ?? d.customerReference,
        contractId: r.contractId ?? d.contract.contractId,
        ...(r.salesOrderId ? { salesOrderId: r.salesOrderId } : {}),
        ...(q ? { quotationId: q.id } : {}),
      };
      return { adopt: { remote, status, ...(price ? { price } : {}), vendorId: held } };
    }
    case 'oneatlas_alert':
      return { adopt: { remote: { ...(r.alertId ? { alertId: r.alertId } : {}) }, status: 'active', vendorId: `alert ${r.alertId ?? '?'}` } };
    default:
      throw new Error(`${d.address}: a ${d.kind} is never adopted by reference`);
  }
}

/** An order's catalog items, each with the geometry of the AOI it is ordered over (state stores the spec as JSON, same fields). */
function footprints(spec: unknown): Footprint[] {
  const s = spec as Partial<OneAtlasOrderSpec> | null;
  if (s?.kind !== 'oneatlas_order' || !s.items) return [];
  const aoi = new Map((s.aois ?? []).map((a) => [a.id, a.geometry]));
  return s.items.map((i) => ({ itemId: i.catalogItemId, geometry: aoi.get(i.aoiId) ?? null }));
}

export const oneatlasProvider: Provider<OneAtlasClient, OneAtlasProvider, OneAtlasDiscovery, SearchHit[]> = {
  vendor: 'oneatlas',
  title: 'OneAtlas',
  kinds: ONEATLAS_KINDS,
  settings: oneatlasSettings,
  currency: { from: "the contract's currency, which `orderform plan` shows" },
  discovery: { run: discoverOneAtlas, credentials: (s) => ({ apiKeyEnv: s.apiKeyEnv }), write: writeOneAtlas },
  search: {
    run: (client, { options, ...q }) =>
      searchCatalog(client, {
        ...q,
        ...(options.constellation ? { constellations: options.constellation as Constellation[] } : {}),
        ...(options.sort ? { sort: options.sort as string } : {}),
      }),
    count: (hits) => hits.length,
    orders: (hits, pick, ctx) => orderEntries(pickHits(hits, pick), ctx),
  },
  quotations: { notDeclared: 'NO_ONEATLAS_PROVIDER', export: exportQuotation },
  normalizeOrder: (entry, ctx) => normalizeOneAtlasOrder(entry as Entry<OneAtlasOrder>, ctx),
  blocks: { quotations: normalizeQuotation, alerts: normalizeAlert },
  asWritten: oneatlasAsWritten,
  rules: oneAtlasRules,
  creation(spec) {
    if (spec.kind !== 'oneatlas_order') return { action: 'create', listedAtOnce: true, importId: spec.kind === 'oneatlas_alert' ? 'ALERT_ID' : 'QUOTATION_ID' };
    // Pléiades Neo orders start as a quotation, found at once through the v2 orders search.
    return spec.contract.backend === 'neo' ? { action: 'request-quotation', listedAtOnce: true, importId: 'QUOTATION_ID' } : legacy(spec);
  },
  adoption,
  footprints,
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
  deliveries: oneatlasDeliveries,
  downloader: (client) => client,
};
