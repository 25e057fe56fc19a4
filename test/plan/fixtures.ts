import type { AlertSpec, MaxarOrderSpec, OneAtlasOrderSpec, QuotationDecisionSpec } from '../../engine/model.js';
import { specJson } from '../../engine/core/canonical.js';
import type { ResourceState, ResourceStatus, StateSnapshot } from '../../engine/state/types.js';

const poly = { type: 'Polygon' as const, coordinates: [[[2.2, 48.8], [2.4, 48.8], [2.4, 48.9], [2.2, 48.8]]] };
const at = (path: string) => ({ file: 'orders.yaml', line: 10, column: 3, path });

export function legacyOrder(key: string, digest = 'dig-1'): OneAtlasOrderSpec {
  return {
    kind: 'oneatlas_order', address: `orders.${key}`, key, digest, source: at(`orders.${key}`),
    contract: { name: 'legacy', contractId: 'CTR21000411', backend: 'legacy' },
    mission: 'PLEIADES', productTypeId: 'PT1', acquisitionMode: 'mono',
    aois: [{ id: 1, name: 'paris', geometry: poly, areaKm2: 25, source: at(`orders.${key}.aoi`) }],
    items: [{ catalogItemId: 'cat-1', aoiId: 1 }], options: { processing_level: 'PRIMARY' },
    primaryMarket: 'AGRICULTURE', endUser: { name: 'ACME', country: 'FR' }, deliveryType: 'network', notificationEmails: [],
    customerReference: `of-${key}-${digest}`,
  };
}

export function neoOrder(key: string, digest = 'dig-1'): OneAtlasOrderSpec {
  return { ...legacyOrder(key, digest), mission: 'PLEIADESNEO', contract: { name: 'neo', contractId: 'CTR22000777', backend: 'neo' } };
}

export function maxarOrder(key: string, digest = 'dig-1'): MaxarOrderSpec {
  return {
    kind: 'maxar_ard_order', address: `orders.${key}`, key, digest, source: at(`orders.${key}`), accountId: '557471230760500000',
    acquisitions: ['10300100ARDFRESH1'], aoi: { id: 1, name: 'a', geometry: poly, areaKm2: 25, source: at(`orders.${key}.aoi`) },
    bundleAdjust: false, settings: {}, outputConfig: { amazon_s3: { bucket: 'b', prefix: 'p' } }, notifications: [], customerReference: `of-${key}`,
  };
}

export function alert(key: string, name = key, digest = 'dig-1'): AlertSpec {
  return {
    kind: 'oneatlas_alert', address: `alerts.${key}`, key, digest, source: at(`alerts.${key}`), name, context: 'ctx',
    constellations: ['PNEO'], productTypes: ['bundle'], cloudCover: [0, 20], incidenceAngle: [0, 30], geometry: poly,
  };
}

/** The same alert with other criteria (a different digest): a replace. */
export function changedAlert(key: string): AlertSpec {
  return { ...alert(key), digest: 'dig-2', cloudCover: [0, 50] };
}

export function decision(key: string, order: string, d: 'accept' | 'refuse' = 'accept', refuseIfExpired = false): QuotationDecisionSpec {
  return { kind: 'quotation_decision', address: `quotations.${key}`, key, digest: `dig-${d}`, source: at(`quotations.${key}`), target: { order }, decision: d, refuseIfExpired };
}

/** What apply would have recorded for a spec. */
export function recorded(spec: { address: string; kind: ResourceState['kind']; digest: string }, status: ResourceStatus, remote: ResourceState['remote'] = {}, price?: ResourceState['price']): ResourceState {
  return {
    address: spec.address, kind: spec.kind, status, remote, specDigest: spec.digest, spec: specJson(spec),
    ...(price ? { price } : {}), ...(status === 'intent' ? { intent: { action: 'create', startedAt: '2026-11-23T09:00:00Z' } } : {}),
    createdAt: '2026-11-23T09:00:00Z', updatedAt: '2026-11-23T09:00:00Z',
  };
}

export function stateOf(...resources: ResourceState[]): StateSnapshot {
  return { version: 1, lineage: 'lin-1', serial: resources.length, resources: Object.fromEntries(resources.map((r) => [r.address, r])) };
}
