/**
 * Refresh: remote truth for everything state tracks, read with list/search calls (never one GET per
 * resource), only for the vendors and contexts that have resources. Reads only. Also folds what it
 * saw into state for `orderform refresh`: adopted intents, statuses, alert renames and deletions.
 */
import type { ResourceSpec } from '../model.js';
import type { ProviderClients } from '../providers/index.js';
import type { RemoteRead } from '../providers/provider.js';
import { allProviders, traitsOf } from '../providers/registry.js';
import type { ResourceState, StateSnapshot } from '../state/types.js';
import type { RemoteObservation, RemoteView } from '../core/remote.js';
import { trackedResources } from '../core/tracked.js';

export interface RefreshInputs {
  desired: readonly ResourceSpec[];
  state: StateSnapshot;
  clients: ProviderClients;
  now: () => Date;
  /** Told before the reads start (done 0) and as each vendor list is read; the CLI draws a bar with it. */
  onProgress?: (p: RefreshProgress) => void;
}

export interface RefreshProgress {
  done: number;
  total: number;
  /** What was just read, as its provider names it (e.g. `alerts`). */
  what?: string;
}

export async function refreshRemote({ desired, state, clients, now, onProgress }: RefreshInputs): Promise<RemoteView> {
  const tracked = trackedResources(desired, state);
  const reads: RemoteRead[] = [];
  for (const p of allProviders()) {
    const client = p.clientOf(clients);
    const mine = tracked.filter((t) => t.kind in p.kinds);
    if (client !== undefined && mine.length) reads.push(...p.reads(client, mine, now));
  }
  let done = 0;
  onProgress?.({ done, total: reads.length });
  const parts = await Promise.all(
    reads.map(({ what, read }) => read().then((r) => (onProgress?.({ done: ++done, total: reads.length, what }), r))),
  );
  return { resources: Object.assign({}, ...parts.map((p) => p.observations)) as Record<string, RemoteObservation>, listed: parts.flatMap((p) => p.listed ?? []) };
}

/** One state write `orderform refresh` makes (null: drop the resource). */
export interface StateUpdate {
  address: string;
  resource: ResourceState | null;
  summary: string;
}

/**
 * What refresh records: intents found remotely become the resource they created; statuses follow
 * the vendor; an alert renamed outside orderform keeps its remote name in state (plan then renames
 * it back), one deleted outside orderform leaves state (plan then creates it again).
 */
export function stateUpdates(state: StateSnapshot, remote: RemoteView, now: Date): StateUpdate[] {
  const out: StateUpdate[] = [];
  const at = now.toISOString();
  for (const s of Object.values(state.resources)) {
    const r = remote.resources[s.address];
    if (!r) continue;
    if (!r.exists) {
      if (traitsOf(s.kind).deletedWhenRemoved && s.status !== 'intent') out.push({ address: s.address, resource: null, summary: 'deleted outside orderform; dropped from state' });
      continue;
    }
    const remoteIds = {
      ...s.remote,
      ...(r.alertId ? { alertId: r.alertId } : {}),
      ...(r.orderId ? { orderId: r.orderId } : {}),
      ...(r.salesOrderId ? { salesOrderId: r.salesOrderId } : {}),
      ...(r.quotation && traitsOf(s.kind).lifecycle === 'order' ? { quotationId: r.quotation.id } : {}),
    };
    const status = r.status ?? (s.status === 'intent' ? 'active' : s.status);
    const name = (s.spec as { name?: string } | null)?.name;
    const renamed = traitsOf(s.kind).lifecycle === 'renamable' && r.name !== undefined && r.name !== name;
    const price = s.price ?? (r.quotation && r.quotation.amount !== null && r.quotation.currency ? { amount: r.quotation.amount, currency: r.quotation.currency } : undefined);
    const next: ResourceState = {
      ...s,
      status,
      remote: remoteIds,
      ...(renamed ? { spec: { ...(s.spec as object), name: r.name } } : {}),
      ...(price ? { price } : {}),
      updatedAt: at,
    };
    delete next.intent;
    const why: string[] = [];
    if (s.status === 'intent') why.push(`adopted: found remotely by its ${r.foundBy === 'id' ? 'id' : 'reference'}`);
    else if (status !== s.status) why.push(`status ${s.status} → ${status}`);
    if (renamed) why.push(`renamed outside orderform to "${r.name}"`);
    if (JSON.stringify(remoteIds) !== JSON.stringify(s.remote) && !why.length) why.push('remote ids recorded');
    if (why.length) out.push({ address: s.address, resource: next, summary: why.join('; ') });
  }
  return out.sort((a, b) => a.address.localeCompare(b.address));
}
