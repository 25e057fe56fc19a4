/**
 * A change is data: what plan shows and apply executes for one resource. Neutral: the plan, the
 * executor and every provider's handlers read it; no closures, nothing only a UI reads steers apply.
 */
import type { Currency, Money, RejectionReason, ResourceKind } from '../model.js';
import type { RemoteIds, ResourceStatus } from '../state/types.js';

export type Action =
  | 'create' // places an order (spends money) or creates an alert
  | 'update' // in place (alert rename)
  | 'replace' // delete then create (alert criteria changed)
  | 'delete' // alert removed from config
  | 'request-quotation' // ask the vendor for a quotation (creates a remote object, free)
  | 'accept' // accept a quotation: spends money, one-way
  | 'refuse' // refuse a quotation: one-way
  | 'forget' // drop from state, touch nothing remote
  | 'adopt' // the object already exists at the vendor under this resource's reference: record it, buy nothing
  | 'noop';

export const ACTIONS: readonly Action[] = [
  'create',
  'update',
  'replace',
  'delete',
  'request-quotation',
  'accept',
  'refuse',
  'forget',
  'adopt',
  'noop',
];

export type ChangeReason =
  | 'new' // in config, not in state
  | 'unchanged'
  | 'renamed' // alert name changed
  | 'criteria-changed' // alert criteria changed
  | 'removed-from-config' // alert: delete; order: kept and reported (noop with a note)
  | 'deleted-remotely' // drift: recreate an alert that vanished
  | 'forget-requested'
  | 'quotation-needed' // an order priced by quotation, without one yet
  | 'awaiting-quotation-decision' // quotation exists, no decision declared
  | 'decision-declared'
  | 'outcome-unknown' // an earlier run may have placed it; not found remotely yet
  | 'adopted' // an earlier run's unconfirmed call turned out to have worked: recorded, nothing to do
  | 'found-at-vendor' // not in state, but the vendor holds it under this resource's reference (lost state, `state rm`)
  | 'moved' // a renamed key (`moved:` in the config): state's record moves to the new address
  | 'move-suggested' // a new key whose spec equals what state holds under a key the config no longer declares
  | 'spec-changed'; // a placed order or a decision changed in config: refused with an error

export interface FieldDiff {
  /** Dotted path within the resource, e.g. `name`, `cloudCover`, `geometry.coordinates`. */
  path: string;
  before: unknown;
  after: unknown;
}

export type CostBasis =
  | 'price-endpoint' // the vendor's price call for this exact order
  | 'quotation' // the quotation's total
  | 'known-after-quotation' // priced by quotation, before one exists
  | 'free';

export interface Cost {
  /** Null when unknown at plan time (`known-after-quotation`). */
  amount: number | null;
  currency: Currency | null;
  basis: CostBasis;
  /** The provider whose budget (`budget.perVendor`) and accounts the spend counts against. */
  vendor: string;
  /** Human detail, e.g. `1,234.5 km² × 20 USD/km² (standard)`. */
  detail?: string;
  /** The spend per fee category, for accounts whose limits are per category (an order may mix several). */
  byCategory?: Partial<Record<FeeCategory, number>>;
  /** The contract or account the spend counts against (credit / fee limits). */
  account?: string;
}

export type FeeCategory = 'fresh' | 'standard' | 'training' | 'tasking';

export interface Change {
  address: string;
  kind: ResourceKind;
  action: Action;
  reason: ChangeReason;
  /** True when the change spends money or cannot be undone (order, accept, refuse, delete). */
  irreversible: boolean;
  /** What state knows (JSON), null for a create. */
  before: unknown;
  /** What config wants (JSON), null for delete/forget. */
  after: unknown;
  fieldDiffs: FieldDiff[];
  cost: Cost | null;
  /** Addresses that must be applied first (quotation request → decision). */
  dependsOn: string[];
  notes: string[];
  /** `adopt` only: what the vendor holds, recorded in state as it stands (no call is made). */
  adopt?: Adoption;
  /** `refuse` only: the reason the plan chose to send (e.g. `expired`), over the declared one. Apply reads this, never `after`. */
  refusalReason?: RejectionReason;
}

/** A vendor object found under a resource's reference, as apply records it. */
export interface Adoption {
  remote: RemoteIds;
  status: ResourceStatus;
  price?: Money;
  /** The vendor's own id for people (its sales order, quotation, order or alert id). */
  vendorId: string;
  /** A renamed key (`moved:`): the address state held it under, dropped once it is recorded here. */
  movedFrom?: string;
}

export function isChange(c: Change): boolean {
  return c.action !== 'noop';
}
