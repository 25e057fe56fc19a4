/**
 * A plan is data: a sorted list of changes that renderers print and the executor runs. No closures,
 * nothing that only a UI reads steers apply. Every switch over `Action` must be exhaustive.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Currency, Money, ResourceKind, Vendor } from '../model.js';
import type { RemoteIds, ResourceStatus } from '../state/types.js';

export type Action =
  | 'create' // places an order (spends money) or creates an alert
  | 'update' // in place (alert rename)
  | 'replace' // delete then create (alert criteria changed)
  | 'delete' // alert removed from config
  | 'request-quotation' // Pléiades Neo: ask the vendor for a quotation (creates a remote object, free)
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
  | 'quotation-needed' // Neo order without quotation yet
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
  | 'price-endpoint' // OneAtlas legacy: POST /prices; Maxar ARD: POST /order with dry_run
  | 'quotation' // Pléiades Neo: the quotation's totalAmount
  | 'known-after-quotation' // Neo before a quotation exists
  | 'free';

export interface Cost {
  /** Null when unknown at plan time (`known-after-quotation`). */
  amount: number | null;
  currency: Currency | null;
  basis: CostBasis;
  vendor: Vendor;
  /** Human detail, e.g. `1,234.5 km² × 20 USD/km² (standard)`. */
  detail?: string;
  /** Maxar: the spend per fee category (an order may mix acquisitions of several ages). */
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
}

/** An unconfirmed purchase and the exact commands that resolve it. */
export interface Unconfirmed {
  address: string;
  reference?: string;
  /** When the creating call was sent (the intent's start). */
  since?: string;
  resolve: string[];
}

/** A vendor object found under a resource's reference, as apply records it. */
export interface Adoption {
  remote: RemoteIds;
  status: ResourceStatus;
  price?: Money;
  /** The vendor's own id for people: sales order, quotation, Maxar order or alert id. */
  vendorId: string;
  /** A renamed key (`moved:`): the address state held it under, dropped once it is recorded here. */
  movedFrom?: string;
}

/** Something that moved remotely since the last run (shown, and recorded in state by apply/refresh). */
export interface Drift {
  address: string;
  summary: string;
  field?: string;
  before?: unknown;
  after?: unknown;
}

export interface SpendTotal {
  currency: Currency;
  /** Sum of known amounts. */
  amount: number;
  /** Changes whose amount is not known yet (quotation pending). */
  unknownCount: number;
}

/** A limit next to the spend that counts against it: contract credit, Maxar fee limits, budget ceilings. */
export interface LimitCheck {
  name: string; // e.g. `oneatlas contract CTR21000411 credit`, `maxar fresh_imagery_fee_limit`, `budget.total EUR`
  currency: Currency;
  /** Null: no limit. */
  limit: number | null;
  /** Already used (Maxar usage) or null when the vendor reports a remaining amount directly. */
  used: number | null;
  planned: number;
  /** limit − used − planned; null when unlimited. */
  headroomAfter: number | null;
  ok: boolean;
}

/** A safety threshold this plan crosses: apply needs its flag (or a reviewed approval in CI). */
export interface ApprovalNeeded {
  code: 'LARGE_SPEND' | 'TOO_DESTRUCTIVE';
  flag: '--allow-large-spend' | '--allow-destructive';
  /** What crossed what, e.g. `3,100.00 EUR > 1,000.00 EUR (safety.maxSpendWithoutFlag)`. */
  summary: string;
  /** The spend, or the destructive share (0..1). */
  value: number;
  threshold: number;
  /** The spend's currency; null for TOO_DESTRUCTIVE. */
  currency: Currency | null;
}

export interface PlanCounts {
  create: number;
  update: number;
  replace: number;
  delete: number;
  'request-quotation': number;
  accept: number;
  refuse: number;
  forget: number;
  adopt: number;
  noop: number;
}

export interface Plan {
  formatVersion: 1;
  createdAt: string;
  configDigest: string;
  configFiles: string[];
  state: { lineage: string; serial: number };
  /** Sorted by address. Includes noops so that `show` lists every resource. */
  changes: Change[];
  drift: Drift[];
  totals: SpendTotal[];
  limits: LimitCheck[];
  /** Safety thresholds crossed: apply refuses this plan without the named flags. */
  approvals: ApprovalNeeded[];
  counts: PlanCounts;
  /** Purchases an earlier run sent whose outcome is still unknown: never bought again until resolved. */
  unconfirmed: Unconfirmed[];
  diagnostics: Diagnostic[];
  /** False when any diagnostic is an error or a limit is exceeded: apply refuses it. */
  applyable: boolean;
}

export function isChange(c: Change): boolean {
  return c.action !== 'noop';
}

export type { Money };
