/**
 * Safety thresholds (octoDNS style): a plan that replaces or deletes too large a share of the managed
 * alerts, or spends more than a threshold, needs an explicit flag. Pure; the error names the flag.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import type { SafetyThresholds } from '../model.js';
import type { StateSnapshot } from '../state/types.js';
import { formatMoney } from '../plan/summary.js';
import type { Plan } from '../plan/types.js';

export interface SafetyFlags {
  allowDestructive: boolean;
  allowLargeSpend: boolean;
}

export function largeSpend(currency: string, amount: number, safety: SafetyThresholds): Diagnostic | undefined {
  const threshold = safety.maxSpendWithoutFlag[currency];
  if (threshold === undefined || amount <= threshold) return undefined;
  return error('LARGE_SPEND', `this apply spends ${formatMoney(amount, currency)}, above safety.maxSpendWithoutFlag ${formatMoney(threshold, currency)}`, undefined,
    'Review the plan, then run again with --allow-large-spend.');
}

export function checkSafety(plan: Pick<Plan, 'changes' | 'totals'>, state: StateSnapshot, safety: SafetyThresholds, flags: SafetyFlags): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!flags.allowDestructive) {
    const managed = Object.values(state.resources).filter((r) => r.kind === 'oneatlas_alert').length;
    const destructive = plan.changes.filter((c) => c.kind === 'oneatlas_alert' && (c.action === 'replace' || c.action === 'delete')).length;
    if (managed > 0 && destructive / managed > safety.maxDestructiveShare) {
      out.push(error('TOO_DESTRUCTIVE', `this apply replaces or deletes ${destructive} of ${managed} managed alerts, more than safety.maxDestructiveShare (${safety.maxDestructiveShare * 100}%)`, undefined,
        'Review the plan, then run again with --allow-destructive.'));
    }
  }
  if (!flags.allowLargeSpend) {
    for (const t of plan.totals) {
      const d = largeSpend(t.currency, t.amount, safety);
      if (d) out.push(d);
    }
  }
  return out;
}
