/**
 * The last check before money moves: re-price the purchase, refuse it when the price rose above the
 * planned one (beyond safety.priceTolerance), or when it would cross a budget ceiling, the contract
 * credit or an account fee limit given what this run already spent. A purchase in flight counts as spent
 * until it definitely failed, so concurrent purchases cannot overshoot together.
 */
import { about, DiagnosticsError, error, type Diagnostic } from '../diagnostics.js';
import type { Config, Money, ResourceSpec } from '../model.js';
import { OutcomeUnknownError } from '../providers/index.js';
import { roundMoney } from '../core/money.js';
import type { AccountLimit } from '../core/account-limit.js';
import { ceilingMoney, purchaseCeilings } from '../plan/ceilings.js';
import { checkLimits } from '../plan/limits.js';
import type { BudgetSpent } from '../plan/spent.js';
import { formatMoney } from '../plan/summary.js';
import type { Change, Cost } from '../plan/types.js';
import type { ResourceState } from '../state/types.js';
import { largeSpendRefusal } from './safety.js';
import type { SpendGuard } from '../core/handler.js';

export type Current = (address: string) => ResourceState | undefined;

/** The price now, as the resource's provider reads it again (price endpoint, account pricing, the quotation's current amount). */
export type Repricer = (change: Change, spec: ResourceSpec, current: Current) => Promise<Cost | null>;

export interface GuardInputs {
  config: Pick<Config, 'budget' | 'safety' | 'resources'>;
  accounts: readonly AccountLimit[];
  /** What this config bought before this apply (budget.total and perVendor count it). */
  spent?: BudgetSpent;
  reprice: Repricer;
  allowLargeSpend: boolean;
  /** Told when the vendor reports charging more than the guarded amount (the purchase is done: loud, not undone). */
  onChargedAbove?: (d: Diagnostic) => void;
}

function priceIncreased(change: Change, planned: number, now: number, currency: string, tolerance: number): Diagnostic {
  return error('PRICE_INCREASED', `the price rose from ${formatMoney(planned, currency)} (planned) to ${formatMoney(now, currency)}; not bought`,
    undefined, `Run \`orderform plan\` again and review the new price${tolerance ? ` (safety.priceTolerance allows ${tolerance * 100}%)` : ''}.`);
}

function chargedAbove(change: Change, guarded: Cost, charged: Money): Diagnostic {
  return about(change.address, error('CHARGED_ABOVE_PLAN', `${change.address}: the vendor charged ${formatMoney(charged.amount, charged.currency)}, above the ${formatMoney(guarded.amount!, guarded.currency)} checked before buying`, undefined,
    'The order is placed and recorded. Check the charge with the vendor; the price rule the plan used did not match the vendor\'s (docs/guards.md, "Plan amounts bound the charge").'));
}

function priceUnknown(change: Change): Diagnostic {
  return error('PRICE_UNKNOWN', `not bought: ${change.address} has no known price right before the purchase, so no ceiling, budget or limit can be checked`, undefined,
    'Run `orderform plan` again: it shows the price once the vendor gives one (a quotation is priced once it exists).');
}

export function createSpendGuard(inp: GuardInputs): (current: Current) => SpendGuard {
  const spent: Change[] = [];
  const maxPrices = ceilingMoney(purchaseCeilings(inp.config.resources));
  const sources = new Map(inp.config.resources.map((r) => [r.address, r.source]));
  const tolerance = inp.config.safety.priceTolerance;

  const check = (change: Change, cost: Cost): Diagnostic[] => {
    const planned = change.cost?.amount;
    const ceiling = maxPrices.get(change.address);
    // Above its own maxPrice says more than "rose since the plan" (an accept is planned at its ceiling).
    const overCeiling = ceiling !== undefined && cost.amount !== null && cost.currency === ceiling.currency && cost.amount > ceiling.amount;
    if (!overCeiling && planned != null && cost.amount !== null && cost.currency && cost.amount > roundMoney(planned * (1 + tolerance))) {
      return [priceIncreased(change, planned, cost.amount, cost.currency, tolerance)];
    }
    const candidate = { ...change, cost };
    const limits = checkLimits({ changes: [...spent, candidate], budget: inp.config.budget, accounts: inp.accounts, maxPrices, sources, at: 'purchase', ...(inp.spent ? { spent: inp.spent } : {}) });
    const problems = limits.diagnostics.filter((d) => d.severity === 'error');
    if (!inp.allowLargeSpend && cost.currency && cost.amount !== null) {
      const total = [...spent, candidate].filter((c) => c.cost?.currency === cost.currency).reduce((s, c) => s + (c.cost?.amount ?? 0), 0);
      const d = largeSpendRefusal(cost.currency, roundMoney(total), inp.config.safety);
      if (d) problems.push(d);
    }
    return problems;
  };

  return (current) =>
    async (change, spec, buy) => {
      const cost = (await inp.reprice(change, spec, current)) ?? change.cost;
      // Never a purchase at a price nobody saw: no ceiling, budget or limit could be checked.
      if (!cost || cost.amount === null || cost.currency === null) throw new DiagnosticsError([priceUnknown(change)]);
      const problems = check(change, cost);
      if (problems.length) throw new DiagnosticsError(problems);
      const reserved = { ...change, cost };
      spent.push(reserved);
      try {
        const bought = await buy(cost);
        const charged = (bought as { price?: Money } | null)?.price;
        if (charged && charged.currency === cost.currency && charged.amount > cost.amount) inp.onChargedAbove?.(chargedAbove(change, cost, charged));
        return bought;
      } catch (e) {
        // Unknown outcome: it may have been bought, so it keeps counting.
        if (!(e instanceof OutcomeUnknownError)) spent.splice(spent.indexOf(reserved), 1);
        throw e;
      }
    };
}
