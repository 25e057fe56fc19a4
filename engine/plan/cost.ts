/**
 * Cost arithmetic: pure and synchronous. Prices come from the vendors (price endpoint, quotation,
 * Maxar's dry-run estimate); this module only combines them.
 */
import type { Change, Cost, FeeCategory, SpendTotal } from './types.js';

export type AgeCategory = Exclude<FeeCategory, 'tasking'>;

const DAY_MS = 86_400_000;

/** Maxar image-age categories (seed): fresh ≤ 90 days, standard 91 days – 3 years, training older. */
export function ageCategory(acquired: Date, now: Date): AgeCategory {
  const days = Math.floor((now.getTime() - acquired.getTime()) / DAY_MS);
  if (days <= 90) return 'fresh';
  if (days <= 3 * 365) return 'standard';
  return 'training';
}

/** Money is rounded to cents once, where it is computed, so totals add up exactly as shown. */
export function roundMoney(x: number): number {
  return Math.round(x * 100) / 100;
}

export type MaxarPricing = Record<AgeCategory, number>;

/** Changes that move money when applied: placing an order, accepting a quotation. */
export function spendsMoney(change: Change): boolean {
  switch (change.action) {
    case 'create':
      return change.kind === 'oneatlas_order' || change.kind === 'maxar_ard_order';
    case 'accept':
      return true;
    case 'update':
    case 'replace':
    case 'delete':
    case 'request-quotation':
    case 'refuse':
    case 'forget':
    case 'adopt':
    case 'noop':
      return false;
  }
}

/** Planned spend per currency; amounts not known yet (quotation pending) are counted apart. */
export function spendTotals(changes: readonly Change[]): SpendTotal[] {
  const by = new Map<string, SpendTotal>();
  for (const c of changes) {
    if (!spendsMoney(c) || !c.cost) continue;
    const currency = c.cost.currency ?? '?';
    const t = by.get(currency) ?? { currency, amount: 0, unknownCount: 0 };
    if (c.cost.amount === null) t.unknownCount += 1;
    else t.amount = roundMoney(t.amount + c.cost.amount);
    by.set(currency, t);
  }
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
