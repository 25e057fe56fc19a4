/**
 * What refresh must look up: every resource in state (intents included), seen through its spec —
 * the config's when it is still declared, else the one state recorded — plus quotation decisions
 * on a quotation placed elsewhere, which need the quotation's price and status before any state exists.
 */
import type { Backend, ResourceKind, ResourceSpec } from '../model.js';
import type { ResourceState, StateSnapshot } from '../state/types.js';

/** The spec fields refresh reads; state stores specs as JSON with the same names. */
export interface TrackedSpec {
  kind: ResourceKind;
  name?: string;
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
    if (!state.resources[d.address] && d.kind === 'quotation_decision' && 'quotationId' in d.target) {
      out.push({ address: d.address, kind: d.kind, spec: d as TrackedSpec });
    }
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

export function groupBy<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    if (k !== undefined) out.set(k, [...(out.get(k) ?? []), i]);
  }
  return out;
}
