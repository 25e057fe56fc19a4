/**
 * Guards on accepting a quotation: accept only when the quoted total is at or below the decision's
 * maxPrice, in the same currency. (Expired quotations are handled by the diff: refused with reason
 * `expired` or reported.)
 */
import { about, error, type Diagnostic } from '../diagnostics.js';
import type { ResourceSpec } from '../model.js';
import { traitsOf } from '../providers/registry.js';
import { formatMoney } from './summary.js';
import type { Change } from './types.js';

export function checkQuotationDecisions(changes: readonly Change[], specs: ReadonlyMap<string, ResourceSpec>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of changes) {
    const spec = specs.get(c.address);
    if (c.action !== 'accept' || !spec || traitsOf(spec.kind).maxPrice !== 'quotation-ceiling' || !('maxPrice' in spec) || !spec.maxPrice) continue;
    const { amount, currency } = c.cost ?? { amount: null, currency: null };
    if (amount === null) continue; // priced at apply, where the ceiling is checked again
    const ceiling = formatMoney(spec.maxPrice.amount, spec.maxPrice.currency);
    if (currency !== spec.maxPrice.currency) {
      out.push(about(c.address, error('QUOTATION_CURRENCY_MISMATCH', `${c.address}: the quotation is in ${currency ?? 'an unknown currency'}, its maxPrice in ${spec.maxPrice.currency}`, spec.source,
        `Set maxPrice in ${currency ?? 'the quotation currency'} after reviewing the quotation.`)));
    } else if (amount > spec.maxPrice.amount) {
      out.push(about(c.address, error('QUOTATION_OVER_CEILING', `${c.address}: the quotation costs ${formatMoney(amount, currency)}, above maxPrice ${ceiling}`, spec.source,
        'Review the quotation (`orderform show` or the vendor PDF); raise maxPrice to accept it, or set `decision: refuse`.')));
    }
  }
  return out;
}
