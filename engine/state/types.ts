/**
 * What orderform knows about the remote objects it manages. The state file is the memory that makes
 * purchases idempotent: an intent is recorded before any creating call.
 */
import type { Money, ResourceKind } from '../model.js';

export type ResourceStatus =
  | 'intent' // a creating call was (maybe) sent; outcome unknown until found remotely
  | 'quotation-sent' // quotation requested, awaiting decision
  | 'quotation-accepted'
  | 'quotation-refused'
  | 'quotation-expired'
  | 'in-progress' // order running
  | 'delivered'
  | 'cancelled'
  | 'failed'
  | 'active' // alert
  | 'decided'; // quotation decision done

export interface RemoteIds {
  customerReference?: string;
  contractId?: string;
  salesOrderId?: string;
  quotationId?: string;
  orderId?: string; // the vendor's order id, where it has one besides a sales order id
  alertId?: string;
  accountId?: string;
}

export interface ResourceState {
  address: string;
  kind: ResourceKind;
  status: ResourceStatus;
  remote: RemoteIds;
  /** Digest of the spec that was applied (see engine/model.ts). */
  specDigest: string;
  /** The applied spec as JSON, for field diffs. */
  spec: unknown;
  /** What was paid or quoted. */
  price?: Money;
  /** Set while a creating call is outstanding: when, and which call. */
  intent?: { action: string; startedAt: string };
  createdAt: string;
  updatedAt: string;
}

export interface StateSnapshot {
  version: 1;
  /** Random id fixed at creation: a saved plan for another state is refused. */
  lineage: string;
  /** Bumped on every write: a saved plan for an older serial is stale. */
  serial: number;
  resources: Record<string, ResourceState>;
}

/** Releases a lock. */
export type Unlock = () => Promise<void>;

/**
 * Storage for state. Writes are per resource so that an apply of N changes costs O(N), not O(N²):
 * the file store appends to a journal and compacts on close; postgres upserts a row.
 */
export interface StateStore {
  /** Exclusive lock for a run that may write; fails fast with who holds it. */
  lock(owner: string): Promise<Unlock>;
  read(): Promise<StateSnapshot>;
  /** Record one resource (or remove it with null), durably, before returning. Bumps serial. */
  put(address: string, resource: ResourceState | null): Promise<void>;
  /** Fold journals into the snapshot (file store); no-op elsewhere. */
  compact(): Promise<void>;
  /** Replace the whole state keeping its lineage and serial (state migrate); needs the lock. */
  replace?(snapshot: StateSnapshot): Promise<void>;
  close(): Promise<void>;
}
