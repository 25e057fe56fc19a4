/**
 * Budget ceilings in a currency no vendor of this config prices in bound nothing: said at validate
 * where the currency is known offline (Maxar ARD: USD). OneAtlas prices in the contract's currency,
 * known only once plan reads the contract (engine/plan/limits.ts says it then).
 */
import { warning, type Diagnostic } from '../diagnostics.js';
import { MAXAR_CURRENCY } from '../providers/maxar-ard/rules.js';
import { locate, type MergedConfig } from './merge.js';

const HINT = `Give ceilings in the currency the vendor prices in (Maxar ARD: ${MAXAR_CURRENCY}; OneAtlas: the contract's currency, which \`orderform plan\` shows).`;

export function budgetCurrencyRules(merged: MergedConfig): Diagnostic[] {
  const at = merged.budget;
  if (!at) return [];
  const out: Diagnostic[] = [];
  const unpriced = (path: string[], currency: string, why: string) =>
    out.push(warning('BUDGET_CURRENCY_UNPRICED', `budget.${path.join('.')}.${currency} bounds nothing: ${why}`, locate(at, ...path, currency), HINT));
  for (const currency of Object.keys(at.value.perVendor?.maxar ?? {})) {
    if (currency !== MAXAR_CURRENCY) unpriced(['perVendor', 'maxar'], currency, `Maxar ARD prices in ${MAXAR_CURRENCY}`);
  }
  // Only Maxar declared: every price is in USD.
  if (merged.providers.maxar && !merged.providers.oneatlas) {
    for (const block of ['total', 'perOrder'] as const) {
      for (const currency of Object.keys(at.value[block] ?? {})) {
        if (currency !== MAXAR_CURRENCY) unpriced([block], currency, `the only vendor declared, Maxar ARD, prices in ${MAXAR_CURRENCY}`);
      }
    }
  }
  return out;
}
