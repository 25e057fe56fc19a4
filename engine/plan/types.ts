/**
 * A plan is data: a sorted list of changes that renderers print and the executor runs. No closures,
 * nothing that only a UI reads steers apply. Every switch over `Action` must be exhaustive.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Currency, Money } from '../model.js';
import type { Action, Change } from '../core/change.js';

export { ACTIONS, isChange } from '../core/change.js';
export type { Action, Adoption, Change, ChangeReason, Cost, CostBasis, FeeCategory, FieldDiff } from '../core/change.js';

/** An unconfirmed purchase and the exact commands that resolve it. */
export interface Unconfirmed {
  address: string;
  reference?: string;
  /** When the creating call was sent (the intent's start). */
  since?: string;
  resolve: string[];
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

/** A limit next to the spend that counts against it: budget ceilings, a contract's credit, an account's fee limits. */
export interface LimitCheck {
  name: string; // e.g. `budget.total EUR`, or an account limit as its provider names it
  currency: Currency;
  /** Null: no limit. */
  limit: number | null;
  /** Already used (as the vendor's usage reports it) or null when the vendor reports a remaining amount directly. */
  used: number | null;
  planned: number;
  /** limit − used − planned; null when unlimited. */
  headroomAfter: number | null;
  ok: boolean;
}

/** A safety threshold this plan crosses: apply needs its flag (or a reviewed approval in CI). */
export interface ApprovalNeeded {
  /** ALREADY_OWNED: new orders re-buy imagery already bought (engine/plan/already-owned.ts). */
  code: 'LARGE_SPEND' | 'TOO_DESTRUCTIVE' | 'ALREADY_OWNED';
  flag: '--allow-large-spend' | '--allow-destructive' | '--allow-rebuy';
  /** What crossed what, e.g. `3,100.00 EUR > 1,000.00 EUR (safety.maxSpendWithoutFlag)`. */
  summary: string;
  /** The spend, the destructive share (0..1), or the number of re-buying orders. */
  value: number;
  threshold: number;
  /** The spend's currency; null for TOO_DESTRUCTIVE. */
  currency: Currency | null;
  /** The config's approval that covers it (safety.approvals, reviewed with the config): then apply needs no flag. */
  approvedBy?: string;
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
  /** `plan --target`: the addresses this plan is limited to (with what they depend on); absent for a full plan. */
  targets?: string[];
  counts: PlanCounts;
  /** Purchases an earlier run sent whose outcome is still unknown: never bought again until resolved. */
  unconfirmed: Unconfirmed[];
  diagnostics: Diagnostic[];
  /** False when any diagnostic is an error or a limit is exceeded: apply refuses it. */
  applyable: boolean;
}

export type { Money };
