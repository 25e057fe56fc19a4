/**
 * What refresh must look up: every resource in state (intents included), seen through its spec —
 * the config's when it is still declared, else the one state recorded — plus what config declares
 * and state does not hold: orders and alerts (the vendor may already hold them under their reference:
 * lost state, `state rm`; plan adopts them instead of buying again) and quotation decisions on a
 * quotation placed elsewhere, which need the quotation's price and status before any state exists.
 */
import type { Backend, ResourceKind, ResourceSpec } from '../model.js';
import type { ResourceState, StateSnapshot } from '../state/types.js';

/** The spec fields refresh reads; state stores specs as JSON with the same names. */
export interface TrackedSpec {
  kind: ResourceKind;
  /** Alerts: every field but the key is compared when looking for an alert by its marker. */
  name?: string;
  constellations?: string[];
  productTypes?: string[];
  cloudCover?: [number, number];
  incidenceAngle?: [number, number];
  geometry?: unknown;
  /** Orders: compared with what the vendor shows of an order found by a declared reference. */
  productTypeId?: string;
  context?: string;
  customerReference?: string;
  contract?: { contractId: string; backend: Backend; workspace?: string };
  target?: { order: string } | { quotationId: string; contract: { contractId: string; backend: Backend } };
}

export interface Tracked {
  address: string;
  kind: ResourceKind;
  spec: TrackedSpec;
  state?: ResourceState;
}

export function trackedResources(desired: readonly ResourceSpec[], state: StateSnapshot): Tracked[] {
  const byAddress = new Map(desired.map((d) => [d.address, d]));
  const out: Tracked[] = Object.values(state.resources).map((s) => ({
    address: s.address,
    kind: s.kind,
    spec: (byAddress.get(s.address) ?? s.spec ?? { kind: s.kind }) as TrackedSpec,
    state: s,
  }));
  for (const d of desired) {
    if (state.resources[d.address]) continue;
    // A resource that targets a declared order is seen through that order's lookup.
    if (!('target' in d && 'order' in d.target)) out.push({ address: d.address, kind: d.kind, spec: d as TrackedSpec });
  }
  return out;
}

export function isIntent(t: Tracked): boolean {
  return t.state?.status === 'intent';
}

/** The reference an order was placed with (state's, else the spec's). */
export function referenceOf(t: Tracked): string | undefined {
  return t.state?.remote.customerReference ?? t.spec.customerReference;
}

export function groupBy<T>(items: readonly T[], key: (t: T, index: number) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  items.forEach((item, index) => {
    const k = key(item, index);
    if (k === undefined) return;
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  });
  return out;
}
