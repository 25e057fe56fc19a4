/**
 * Safety thresholds evaluated at plan time (octoDNS style): spending more than
 * safety.maxSpendWithoutFlag in a currency, or replacing/deleting more than safety.maxDestructiveShare
 * of the managed alerts, needs an approval. The plan lists the approvals it needs, so a reviewer sees
 * them beside the limits and the saved plan records them; apply refuses without them. Pure.
 */
import type { SafetyThresholds } from '../model.js';
import { traitsOf } from '../providers/registry.js';
import type { StateSnapshot } from '../state/types.js';
import { formatMoney } from './summary.js';
import type { ApprovalNeeded, Change, SpendTotal } from './types.js';

export const APPROVAL_FLAG = { LARGE_SPEND: '--allow-large-spend', TOO_DESTRUCTIVE: '--allow-destructive', ALREADY_OWNED: '--allow-rebuy' } as const;

export function largeSpendApproval(currency: string, amount: number, safety: SafetyThresholds): ApprovalNeeded | undefined {
  const threshold = safety.maxSpendWithoutFlag[currency];
  if (threshold === undefined || amount <= threshold) return undefined;
  const approval = safety.approvals.largeSpend;
  const upTo = approval?.upTo[currency];
  return {
    code: 'LARGE_SPEND',
    flag: APPROVAL_FLAG.LARGE_SPEND,
    summary: `${formatMoney(amount, currency)} > ${formatMoney(threshold, currency)} (safety.maxSpendWithoutFlag)`,
    value: amount,
    threshold,
    currency,
    // Bound to the amount reviewed: a spend above it is not approved, whatever the approval says besides.
    ...(approval && upTo !== undefined && amount <= upTo ? { approvedBy: `safety.approvals.largeSpend (up to ${formatMoney(upTo, currency)}: ${approval.reason})` } : {}),
  };
}

export function approvalsNeeded(plan: { changes: readonly Change[]; totals: readonly SpendTotal[] }, state: StateSnapshot, safety: SafetyThresholds): ApprovalNeeded[] {
  const out: ApprovalNeeded[] = [];
  for (const t of plan.totals) {
    const a = largeSpendApproval(t.currency, t.amount, safety);
    if (a) out.push(a);
  }
  const deletable = (kind: string) => traitsOf(kind).deletedWhenRemoved;
  const managed = Object.values(state.resources).filter((r) => deletable(r.kind)).length;
  const destroyed = plan.changes.filter((c) => deletable(c.kind) && (c.action === 'replace' || c.action === 'delete')).map((c) => c.address);
  const destructive = destroyed.length;
  if (managed > 0 && destructive / managed > safety.maxDestructiveShare) {
    // Bound to the changes reviewed: one more replace or delete than the approval names is not approved.
    const approval = safety.approvals.destructive;
    const covered = approval !== undefined && destroyed.every((a) => approval.changes.includes(a));
    out.push({
      code: 'TOO_DESTRUCTIVE',
      flag: APPROVAL_FLAG.TOO_DESTRUCTIVE,
      summary: `replaces or deletes ${destructive} of ${managed} managed alerts > ${safety.maxDestructiveShare * 100}% (safety.maxDestructiveShare)`,
      value: destructive / managed,
      threshold: safety.maxDestructiveShare,
      currency: null,
      ...(covered ? { approvedBy: `safety.approvals.destructive (${destroyed.join(', ')}: ${approval.reason})` } : {}),
    });
  }
  return out;
}

/** One line per approval: `LARGE_SPEND 3,100.00 EUR > 1,000.00 EUR (…): apply needs --allow-large-spend`, or what approves it. */
export function approvalText(a: ApprovalNeeded): string {
  return `${a.code} ${a.summary}: ${a.approvedBy ? `approved by ${a.approvedBy}` : `apply needs ${a.flag}`}`;
}

/** The approvals the config does not already give: what apply needs a flag for. */
export function unapproved(approvals: readonly ApprovalNeeded[]): ApprovalNeeded[] {
  return approvals.filter((a) => !a.approvedBy);
}
