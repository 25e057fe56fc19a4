/**
 * Budget ceilings in a currency no vendor of this config prices in bound nothing: said at validate
 * where the currency is known offline (`Provider.currency` fixed). A vendor that prices in its
 * contract's currency is known only once plan reads the contract (engine/plan/limits.ts says it then).
 */
import { warning, type Diagnostic } from '../diagnostics.js';
import type { Provider } from '../providers/provider.js';
import { allProviders } from '../providers/registry.js';
import { locate, type MergedConfig } from './merge.js';

const fixedCurrency = (p: Provider): string | undefined => (p.currency && 'fixed' in p.currency ? p.currency.fixed : undefined);

/** Those known offline first: "X: USD; Y: the contract's currency, …". */
function hint(): string {
  const told = allProviders().flatMap((p) => (p.currency ? [{ p, said: 'fixed' in p.currency ? p.currency.fixed : p.currency.from }] : []));
  const ordered = [...told.filter((t) => fixedCurrency(t.p)), ...told.filter((t) => !fixedCurrency(t.p))];
  return `Give ceilings in the currency the vendor prices in (${ordered.map((t) => `${t.p.title}: ${t.said}`).join('; ')}).`;
}

export function budgetCurrencyRules(merged: MergedConfig): Diagnostic[] {
  const at = merged.budget;
  if (!at) return [];
  const out: Diagnostic[] = [];
  const unpriced = (path: string[], currency: string, why: string) =>
    out.push(warning('BUDGET_CURRENCY_UNPRICED', `budget.${path.join('.')}.${currency} bounds nothing: ${why}`, locate(at, ...path, currency), hint()));
  const perVendor = (at.value.perVendor ?? {}) as Record<string, Record<string, number> | undefined>;
  for (const p of allProviders()) {
    const fixed = fixedCurrency(p);
    if (!fixed) continue;
    for (const currency of Object.keys(perVendor[p.vendor] ?? {})) {
      if (currency !== fixed) unpriced(['perVendor', p.vendor], currency, `${p.title} prices in ${fixed}`);
    }
  }
  // Only one vendor declared, in a currency known offline: every price is in it.
  const declared = allProviders().filter((p) => merged.providers[p.vendor]);
  const only = declared.length === 1 ? declared[0]! : undefined;
  const fixed = only && fixedCurrency(only);
  if (only && fixed) {
    for (const block of ['total', 'perOrder'] as const) {
      for (const currency of Object.keys(at.value[block] ?? {})) {
        if (currency !== fixed) unpriced([block], currency, `the only vendor declared, ${only.title}, prices in ${fixed}`);
      }
    }
  }
  return out;
}
