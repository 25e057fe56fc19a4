/**
 * Cost arithmetic: pure and synchronous. Prices come from the providers; this module only combines
 * them, and which changes spend money comes from the kind's traits.
 */
import { roundMoney } from '../core/money.js';
import { traitsOf } from '../providers/registry.js';
import type { Change, SpendTotal } from './types.js';

/** Changes that move money when applied: placing an order, accepting a quotation. */
export function spendsMoney(change: Change): boolean {
  switch (change.action) {
    case 'create':
      return traitsOf(change.kind).createSpends;
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
