/**
 * Spend guards, pure: the plan's spend against budget ceilings, per-order maximums and the accounts'
 * own limits (credit, fee limits) as providers report them. Plan runs it on the planned changes;
 * apply runs it again right before each purchase with the fresh price.
 */
import { about, error, warning, type Diagnostic, type SourceLocation } from '../diagnostics.js';
import type { Budget, Money } from '../model.js';
import type { AccountLimit } from '../core/account-limit.js';
import { roundMoney } from '../core/money.js';
import { spendsMoney } from './cost.js';
import { formatMoney } from './summary.js';
import type { BudgetSpent } from './spent.js';
import type { Change, LimitCheck } from './types.js';

export interface LimitInputs {
  changes: readonly Change[];
  budget: Budget;
  /** The accounts' own limits, as their providers read them. */
  accounts: readonly AccountLimit[];
  /** Per-resource price ceilings (`maxPrice`), by address. */
  maxPrices: ReadonlyMap<string, Money>;
  /** Where each resource is declared, for positioned errors. */
  sources: ReadonlyMap<string, SourceLocation>;
  /** What this config already bought (state, budget.period): counted against budget.total and perVendor. */
  spent?: BudgetSpent;
  /** `purchase`: apply's check of one purchase right before it is made, worded as why it is not bought. Default `plan`. */
  at?: 'plan' | 'purchase';
}

/** How a finding reads: in the plan, or as the reason apply does not buy (the error then names the resource once, in front). */
interface Wording {
  /** A finding about one resource, e.g. `<address> costs …`. */
  resource(address: string, rest: string): string;
  /** A finding about the whole spend, e.g. a zero limit. */
  spend(summary: string): string;
  /** Who spends against a limit. */
  spender: string;
}

const WORDING: Record<NonNullable<LimitInputs['at']>, Wording> = {
  plan: { resource: (address, rest) => `${address} ${rest}`, spend: (s) => s, spender: 'This plan spends' },
  purchase: { resource: (_address, rest) => `not bought: ${rest}`, spend: (s) => `not bought: ${s}`, spender: 'not bought: with what this apply already spent, it spends' },
};

function check(name: string, currency: string, limit: number | null, used: number | null, planned: number): LimitCheck {
  const headroomAfter = limit === null ? null : roundMoney(limit - (used ?? 0) - planned);
  return { name, currency, limit, used, planned: roundMoney(planned), headroomAfter, ok: headroomAfter === null || headroomAfter >= 0 };
}

export function checkLimits(inp: LimitInputs): { limits: LimitCheck[]; diagnostics: Diagnostic[] } {
  const limits: LimitCheck[] = [];
  const diagnostics: Diagnostic[] = [];
  const w = WORDING[inp.at ?? 'plan'];
  const spending = inp.changes.filter((c) => spendsMoney(c) && c.cost);
  const sum = (pred: (c: Change) => boolean, currency: string) =>
    spending.filter((c) => pred(c) && c.cost!.currency === currency).reduce((s, c) => s + (c.cost!.amount ?? 0), 0);

  diagnostics.push(...currencyMismatches(inp, spending, w));
  // Per-order ceilings: the resource's own maxPrice, then budget.perOrder.
  for (const c of spending) {
    const { amount, currency } = c.cost!;
    if (amount === null || currency === null) continue;
    const own = inp.maxPrices.get(c.address);
    if (own && own.currency === currency && amount > own.amount) {
      diagnostics.push(
        about(c.address, error('PRICE_OVER_MAX', w.resource(c.address, `costs ${formatMoney(amount, currency)}, above its maxPrice ${formatMoney(own.amount, currency)}`), inp.sources.get(c.address),
          'Raise maxPrice after review, or remove the order.')),
      );
    }
    const perOrder = inp.budget.perOrder[currency];
    if (perOrder !== undefined && amount > perOrder) {
      diagnostics.push(
        about(c.address, error('BUDGET_PER_ORDER_EXCEEDED', w.resource(c.address, `costs ${formatMoney(amount, currency)}, above budget.perOrder ${formatMoney(perOrder, currency)}`), inp.sources.get(c.address),
          'Raise budget.perOrder in the config after review, or split the order.')),
      );
    }
  }

  const spentAt = (vendor: string, currency: string) => inp.spent?.byVendor[vendor]?.[currency] ?? 0;
  const spentAll = (currency: string) => Object.keys(inp.spent?.byVendor ?? {}).reduce((s, v) => s + spentAt(v, currency), 0);
  const period = inp.spent && inp.spent.since ? ` (${inp.spent.label})` : '';
  for (const [currency, ceiling] of Object.entries(inp.budget.total)) {
    const used = inp.spent ? roundMoney(spentAll(currency)) : null;
    limits.push(check(`budget.total ${currency}${period}`, currency, ceiling, used, sum(() => true, currency)));
  }
  for (const [vendor, ceilings] of Object.entries(inp.budget.perVendor) as [string, Record<string, number>][]) {
    for (const [currency, ceiling] of Object.entries(ceilings)) {
      limits.push(check(`budget.perVendor.${vendor} ${currency}${period}`, currency, ceiling, inp.spent ? spentAt(vendor, currency) : null, sum((c) => c.cost!.vendor === vendor, currency)));
    }
  }
  for (const a of inp.accounts) {
    const counted = spending.filter((c) => c.cost!.vendor === a.counts.vendor && c.cost!.account === a.counts.account);
    const cats = a.counts.categories;
    const share = (c: Change) => (cats ? cats.reduce((t, cat) => t + (c.cost!.byCategory?.[cat] ?? 0), 0) : c.cost!.currency === a.currency ? (c.cost!.amount ?? 0) : 0);
    const planned = counted.reduce((s, c) => s + share(c), 0);
    if (a.limit === 0 && planned > 0 && a.zero) {
      diagnostics.push(error(a.zero.code, w.spend(a.zero.summary), undefined, `${a.zero.detail}: ${counted.filter((c) => share(c) > 0).map((c) => c.address).join(', ')}`));
    }
    // A limit this plan does not touch and that cannot be ordered from says nothing: leave it out.
    if (a.alwaysShown || planned > 0 || (a.limit !== null && a.limit > 0)) limits.push(check(a.name, a.currency, a.limit, a.used, planned));
  }

  for (const l of limits) {
    // A zero limit already produced its own "not orderable" error, which says it better.
    if (l.ok || l.limit === 0) continue;
    diagnostics.push(
      error('LIMIT_EXCEEDED', `${w.spender} ${formatMoney(l.planned, l.currency)} against ${l.name}${l.used ? ` (already used ${formatMoney(l.used, l.currency)})` : ''}, which leaves ${formatMoney(l.headroomAfter ?? 0, l.currency)}`, undefined, 'Remove or defer orders, or raise the limit (budget in the config; credit and fee limits with the vendor).'),
    );
  }
  diagnostics.push(...unpricedBudgetCurrencies(inp));
  const unknown = spending.filter((c) => c.cost!.amount === null).length;
  if (unknown > 0) {
    diagnostics.push(warning('COST_UNKNOWN', `${unknown} change(s) have no price yet (quotation pending); limits are checked again before any acceptance`));
  }
  return { limits, diagnostics };
}

const BUDGET_HINT = 'Add a ceiling in that currency after review (a ceiling in another currency bounds nothing: orderform never converts).';

/**
 * Every money check is total: a ceiling in another currency than the price would be skipped, so it
 * is an error instead (a maxPrice of 1 USD must not let a 250 EUR order through).
 */
function currencyMismatches(inp: LimitInputs, spending: readonly Change[], w: Wording): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const c of spending) {
    const { currency, vendor } = c.cost!;
    if (currency === null) continue;
    const own = inp.maxPrices.get(c.address);
    if (own && own.currency !== currency) {
      out.push(about(c.address, error('MAX_PRICE_CURRENCY_MISMATCH', w.resource(c.address, `is priced in ${currency}; its maxPrice is in ${own.currency} and would bound nothing`), inp.sources.get(c.address),
        `Set maxPrice in ${currency} after review (orderform never converts currencies).`)));
    }
    const blocks: [string, Record<string, number> | undefined][] = [
      ['budget.perOrder', inp.budget.perOrder],
      ['budget.total', inp.budget.total],
      [`budget.perVendor.${vendor}`, inp.budget.perVendor[vendor]],
    ];
    for (const [name, ceilings] of blocks) {
      // No ceilings at all in a block: nothing declared, nothing skipped.
      if (!ceilings || !Object.keys(ceilings).length || ceilings[currency] !== undefined || reported.has(`${name} ${currency}`)) continue;
      reported.add(`${name} ${currency}`);
      out.push(about(c.address, error('BUDGET_CURRENCY_MISMATCH', w.resource(c.address, `is priced in ${currency}; ${name} has ceilings in ${Object.keys(ceilings).join(', ')} only, so it would not bound this spend`),
        inp.sources.get(c.address), BUDGET_HINT)));
    }
  }
  return out;
}

/** A budget currency in which none of the contracts and accounts this plan read prices bounds nothing: say so. */
function unpricedBudgetCurrencies(inp: LimitInputs): Diagnostic[] {
  const priced = new Set(inp.accounts.map((a) => a.currency));
  if (!priced.size) return [];
  const named = new Map<string, string>();
  const note = (name: string, ceilings: Record<string, number> | undefined) => {
    for (const currency of Object.keys(ceilings ?? {})) if (!priced.has(currency) && !named.has(currency)) named.set(currency, name);
  };
  note('budget.total', inp.budget.total);
  note('budget.perOrder', inp.budget.perOrder);
  for (const [vendor, ceilings] of Object.entries(inp.budget.perVendor)) note(`budget.perVendor.${vendor}`, ceilings);
  return [...named].map(([currency, name]) =>
    warning('BUDGET_CURRENCY_UNPRICED', `${name}.${currency} bounds nothing: the contracts and accounts this plan uses price in ${[...priced].sort().join(', ')}`, undefined, BUDGET_HINT));
}
