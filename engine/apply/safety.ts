/**
 * Safety flags at apply: the approvals a plan needs (engine/plan/thresholds.ts) that neither the config
 * (safety.approvals) nor the run's flags give are refused with their code; the error names the flag. Pure.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import type { SafetyThresholds } from '../model.js';
import type { StateSnapshot } from '../state/types.js';
import { approvalsNeeded, largeSpendApproval, unapproved } from '../plan/thresholds.js';
import type { ApprovalNeeded, Plan } from '../plan/types.js';

export interface SafetyFlags {
  allowDestructive: boolean;
  allowLargeSpend: boolean;
  allowRebuy: boolean;
}

const GIVEN: Record<ApprovalNeeded['code'], keyof SafetyFlags> = { LARGE_SPEND: 'allowLargeSpend', TOO_DESTRUCTIVE: 'allowDestructive', ALREADY_OWNED: 'allowRebuy' };

function refusal(a: ApprovalNeeded, lead = ''): Diagnostic {
  const what = a.code === 'LARGE_SPEND' ? `this apply spends ${a.summary}` : `this apply ${a.summary}`;
  return error(a.code, `${lead}${what}`, undefined, `Review the plan, then run again with ${a.flag}.`);
}

/** The spend guard's refusal of one purchase that takes this apply past safety.largeSpend. */
export function largeSpendRefusal(currency: string, amount: number, safety: SafetyThresholds): Diagnostic | undefined {
  const a = largeSpendApproval(currency, amount, safety);
  return a && !a.approvedBy ? refusal(a, 'not bought: ') : undefined;
}

/** ALREADY_OWNED depends on what the vendors listed, which only the plan read: it is taken from the plan as approved. */
export function checkSafety(plan: Pick<Plan, 'changes' | 'totals' | 'approvals'>, state: StateSnapshot, safety: SafetyThresholds, flags: SafetyFlags): Diagnostic[] {
  return [...unapproved(approvalsNeeded(plan, state, safety)), ...plan.approvals.filter((a) => a.code === 'ALREADY_OWNED')]
    .filter((a) => !flags[GIVEN[a.code]])
    .map((a) => refusal(a));
}
