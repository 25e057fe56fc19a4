/**
 * Spend guards, pure: the plan's spend against budget ceilings, per-order maximums, OneAtlas contract
 * credit and Maxar ARD fee limits. Plan runs it on the planned changes; apply runs it again right
 * before each purchase with the fresh price.
 */
import { error, warning, type Diagnostic, type SourceLocation } from '../diagnostics.js';
import type { Backend, Budget, Money, Vendor } from '../model.js';
import { roundMoney, spendsMoney } from './cost.js';
import { formatMoney } from './summary.js';
import type { BudgetSpent } from './spent.js';
import type { Change, FeeCategory, LimitCheck } from './types.js';

export interface ContractFacts {
  contractId: string;
  currency: string;
  creditRemaining: number;
  /** The vendor's backendSource. */
  backend?: Backend;
}

/** -1 / null in the vendor's account mean "no limit"; kept as null here. */
export interface MaxarAccountFacts {
  accountId: string;
  currency: string;
  limits: Record<FeeCategory | 'annual', number | null>;
  used: Record<FeeCategory | 'annual', number>;
}

export interface AccountFacts {
  contracts: ContractFacts[];
  maxar?: MaxarAccountFacts;
}

export interface LimitInputs {
  changes: readonly Change[];
  budget: Budget;
  facts: AccountFacts;
  /** Per-resource price ceilings (`maxPrice`), by address. */
  maxPrices: ReadonlyMap<string, Money>;
  /** Where each resource is declared, for positioned errors. */
  sources: ReadonlyMap<string, SourceLocation>;
  /** What this config already bought (state, budget.period): counted against budget.total and perVendor. */
  spent?: BudgetSpent;
}

const MAXAR_CATEGORIES: FeeCategory[] = ['fresh', 'standard', 'training', 'tasking'];

function check(name: string, currency: string, limit: number | null, used: number | null, planned: number): LimitCheck {
  const headroomAfter = limit === null ? null : roundMoney(limit - (used ?? 0) - planned);
  return { name, currency, limit, used, planned: roundMoney(planned), headroomAfter, ok: headroomAfter === null || headroomAfter >= 0 };
}

export function checkLimits(inp: LimitInputs): { limits: LimitCheck[]; diagnostics: Diagnostic[] } {
  const limits: LimitCheck[] = [];
  const diagnostics: Diagnostic[] = [];
  const spending = inp.changes.filter((c) => spendsMoney(c) && c.cost);
  const sum = (pred: (c: Change) => boolean, currency: string) =>
    spending.filter((c) => pred(c) && c.cost!.currency === currency).reduce((s, c) => s + (c.cost!.amount ?? 0), 0);

  diagnostics.push(...currencyMismatches(inp, spending));
  // Per-order ceilings: the resource's own maxPrice, then budget.perOrder.
  for (const c of spending) {
    const { amount, currency } = c.cost!;
    if (amount === null || currency === null) continue;
    const own = inp.maxPrices.get(c.address);
    if (own && own.currency === currency && amount > own.amount) {
      diagnostics.push(
        error('PRICE_OVER_MAX', `${c.address} costs ${formatMoney(amount, currency)}, above its maxPrice ${formatMoney(own.amount, currency)}`, inp.sources.get(c.address), 'Raise maxPrice after review, or remove the order.'),
      );
    }
    const perOrder = inp.budget.perOrder[currency];
    if (perOrder !== undefined && amount > perOrder) {
      diagnostics.push(
        error('BUDGET_PER_ORDER_EXCEEDED', `${c.address} costs ${formatMoney(amount, currency)}, above budget.perOrder ${formatMoney(perOrder, currency)}`, inp.sources.get(c.address), 'Raise budget.perOrder in the config after review, or split the order.'),
      );
    }
  }

  const spentAt = (vendor: Vendor, currency: string) => inp.spent?.byVendor[vendor]?.[currency] ?? 0;
  const period = inp.spent && inp.spent.since ? ` (${inp.spent.label})` : '';
  for (const [currency, ceiling] of Object.entries(inp.budget.total)) {
    const used = inp.spent ? roundMoney(spentAt('oneatlas', currency) + spentAt('maxar', currency)) : null;
    limits.push(check(`budget.total ${currency}${period}`, currency, ceiling, used, sum(() => true, currency)));
  }
  for (const [vendor, ceilings] of Object.entries(inp.budget.perVendor) as [Vendor, Record<string, number>][]) {
    for (const [currency, ceiling] of Object.entries(ceilings)) {
      limits.push(check(`budget.perVendor.${vendor} ${currency}${period}`, currency, ceiling, inp.spent ? spentAt(vendor, currency) : null, sum((c) => c.cost!.vendor === vendor, currency)));
    }
  }
  for (const k of inp.facts.contracts) {
    const planned = sum((c) => c.cost!.vendor === 'oneatlas' && c.cost!.account === k.contractId, k.currency);
    limits.push(check(`oneatlas contract ${k.contractId} credit`, k.currency, k.creditRemaining, null, planned));
  }
  const mx = inp.facts.maxar;
  if (mx) {
    const maxarChanges = spending.filter((c) => c.cost!.vendor === 'maxar' && c.cost!.account === mx.accountId);
    const byCat = (cat: FeeCategory) => maxarChanges.reduce((s, c) => s + (c.cost!.byCategory?.[cat] ?? 0), 0);
    for (const cat of MAXAR_CATEGORIES) {
      const planned = byCat(cat);
      const limit = mx.limits[cat];
      if (limit === 0 && planned > 0) {
        diagnostics.push(
          error('CATEGORY_NOT_ORDERABLE', `Maxar account ${mx.accountId} cannot order ${cat} imagery (its ${cat}_imagery_fee_limit is 0)`, undefined, `Orders with ${cat} acquisitions: ${maxarChanges.filter((c) => c.cost!.byCategory?.[cat]).map((c) => c.address).join(', ')}`),
        );
      }
      // A category this plan does not touch and cannot be ordered from says nothing: leave it out.
      if (planned > 0 || (limit !== null && limit > 0)) limits.push(check(`maxar ${cat}_imagery_fee_limit`, mx.currency, limit, mx.used[cat], planned));
    }
    // The annual subscription limit covers archive categories; tasking has its own (seed).
    const annualPlanned = byCat('fresh') + byCat('standard') + byCat('training');
    limits.push(check('maxar annual_subscription_fee_limit', mx.currency, mx.limits.annual, mx.used.annual, annualPlanned));
  }

  for (const l of limits) {
    // A zero limit already produced CATEGORY_NOT_ORDERABLE, which says it better.
    if (l.ok || l.limit === 0) continue;
    diagnostics.push(
      error('LIMIT_EXCEEDED', `This plan spends ${formatMoney(l.planned, l.currency)} against ${l.name}${l.used ? ` (already used ${formatMoney(l.used, l.currency)})` : ''}, which leaves ${formatMoney(l.headroomAfter ?? 0, l.currency)}`, undefined, 'Remove or defer orders, or raise the limit (budget in the config; credit and fee limits with the vendor).'),
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
function currencyMismatches(inp: LimitInputs, spending: readonly Change[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const c of spending) {
    const { currency, vendor } = c.cost!;
    if (currency === null) continue;
    const own = inp.maxPrices.get(c.address);
    if (own && own.currency !== currency) {
      out.push(error('MAX_PRICE_CURRENCY_MISMATCH', `${c.address} is priced in ${currency}; its maxPrice is in ${own.currency} and would bound nothing`, inp.sources.get(c.address),
        `Set maxPrice in ${currency} after review (orderform never converts currencies).`));
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
      out.push(error('BUDGET_CURRENCY_MISMATCH', `${c.address} is priced in ${currency}; ${name} has ceilings in ${Object.keys(ceilings).join(', ')} only, so it would not bound this spend`,
        inp.sources.get(c.address), BUDGET_HINT));
    }
  }
  return out;
}

/** A budget currency in which none of the contracts and accounts this plan read prices bounds nothing: say so. */
function unpricedBudgetCurrencies(inp: LimitInputs): Diagnostic[] {
  const priced = new Set([...inp.facts.contracts.map((c) => c.currency), ...(inp.facts.maxar ? [inp.facts.maxar.currency] : [])]);
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
