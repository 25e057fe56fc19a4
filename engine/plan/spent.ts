/**
 * What this config already spent, as its state records it: budget.total and perVendor bound that
 * plus this apply, so two merges each under the total cannot spend twice the total. Counted: placed
 * orders (those priced by quotation through their decision) and accepted quotations, at the price
 * recorded when bought, within the budget's period (by when the purchase was recorded). Pure.
 */
import type { BudgetPeriod } from '../model.js';
import { providerOf, traitsOf } from '../providers/registry.js';
import type { ResourceState, StateSnapshot } from '../state/types.js';
import { roundMoney } from '../core/money.js';

export interface BudgetSpent {
  /** Start of the period counted (ISO date), null for all time. */
  since: string | null;
  /** Human name of the period, e.g. `2026`, `2026-12`, `all time`. */
  label: string;
  byVendor: Partial<Record<string, Record<string, number>>>;
}

const NOT_BOUGHT = new Set<ResourceState['status']>(['intent', 'failed', 'quotation-sent', 'quotation-refused', 'quotation-expired']);

/** The provider a recorded purchase was paid to, or undefined when the record is not a purchase. */
function purchaseVendor(r: ResourceState): string | undefined {
  if (!r.price || NOT_BOUGHT.has(r.status)) return undefined;
  const traits = traitsOf(r.kind);
  switch (traits.lifecycle) {
    case 'order':
      // An order priced by quotation: its price is the quotation's, paid by its accepted decision and counted there.
      return traits.createSpends && !r.remote.quotationId ? providerOf(r.kind).vendor : undefined;
    case 'decision':
      return r.status === 'decided' ? providerOf(r.kind).vendor : undefined;
    case 'renamable':
      return undefined;
  }
}

function periodStart(period: BudgetPeriod, now: Date): Date | null {
  switch (period) {
    case 'all-time':
      return null;
    case 'calendar-year':
      return new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
    case 'calendar-month':
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  }
}

export function spentSoFar(state: StateSnapshot, period: BudgetPeriod, now: Date): BudgetSpent {
  const start = periodStart(period, now);
  const byVendor: BudgetSpent['byVendor'] = {};
  for (const r of Object.values(state.resources)) {
    const vendor = purchaseVendor(r);
    if (!vendor || (start && Date.parse(r.createdAt) < start.getTime())) continue;
    const sums = (byVendor[vendor] ??= {});
    sums[r.price!.currency] = roundMoney((sums[r.price!.currency] ?? 0) + r.price!.amount);
  }
  const label = !start ? 'all time' : period === 'calendar-year' ? String(start.getUTCFullYear()) : start.toISOString().slice(0, 7);
  return { since: start?.toISOString().slice(0, 10) ?? null, label, byVendor };
}
