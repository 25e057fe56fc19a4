/**
 * The maxPrice bounding each purchase, by the address of the change that spends: an order's own;
 * for a quotation accept, the lower of the decision's and its order's (the accept is what buys an
 * order priced by quotation, so the order's maxPrice is never skipped). Read through the kinds'
 * traits, so a new kind's ceiling is never skipped either. Pure.
 */
import type { Money, QuotationDecisionSpec, ResourceSpec } from '../model.js';
import { traitsOf } from '../providers/registry.js';

export interface Ceiling {
  money: Money;
  /** `own`: the spending resource's maxPrice; `order`: its order's, applied to the accept. */
  from: 'own' | 'order';
}

const maxPriceOf = (r: ResourceSpec | undefined): Money | undefined => (r && 'maxPrice' in r ? r.maxPrice : undefined);

export function purchaseCeilings(resources: readonly ResourceSpec[]): Map<string, Ceiling> {
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const out = new Map<string, Ceiling>();
  for (const r of resources) {
    const traits = traitsOf(r.kind);
    const own = maxPriceOf(r);
    if (traits.maxPrice === 'spend-limits' && own) out.set(r.address, { money: own, from: 'own' });
    if (traits.lifecycle !== 'decision') continue;
    const target = (r as QuotationDecisionSpec).target;
    const order = 'order' in target ? byAddress.get(target.order) : undefined;
    const fromOrder = order && traitsOf(order.kind).maxPrice === 'spend-limits' ? maxPriceOf(order) : undefined;
    if (own && (!fromOrder || fromOrder.currency !== own.currency || own.amount <= fromOrder.amount)) out.set(r.address, { money: own, from: 'own' });
    else if (fromOrder) out.set(r.address, { money: fromOrder, from: 'order' });
  }
  return out;
}

/** As checkLimits takes them; `keep` leaves out ceilings checked elsewhere. */
export function ceilingMoney(ceilings: ReadonlyMap<string, Ceiling>, keep: (address: string, c: Ceiling) => boolean = () => true): Map<string, Money> {
  return new Map([...ceilings].filter(([a, c]) => keep(a, c)).map(([a, c]) => [a, c.money]));
}
