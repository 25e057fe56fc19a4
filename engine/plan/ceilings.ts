/**
 * The maxPrice bounding each purchase, by the address of the change that spends: an order's own;
 * for a quotation accept, the lower of the decision's and its Pléiades Neo order's (the accept is
 * what buys the order, so the order's maxPrice is never skipped). Pure.
 */
import type { Money, ResourceSpec } from '../model.js';

export interface Ceiling {
  money: Money;
  /** `own`: the spending resource's maxPrice; `order`: its Neo order's, applied to the accept. */
  from: 'own' | 'order';
}

export function purchaseCeilings(resources: readonly ResourceSpec[]): Map<string, Ceiling> {
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const out = new Map<string, Ceiling>();
  for (const r of resources) {
    if ((r.kind === 'oneatlas_order' || r.kind === 'maxar_ard_order') && r.maxPrice) out.set(r.address, { money: r.maxPrice, from: 'own' });
    if (r.kind !== 'quotation_decision') continue;
    const order = 'order' in r.target ? byAddress.get(r.target.order) : undefined;
    const fromOrder = order?.kind === 'oneatlas_order' ? order.maxPrice : undefined;
    const own = r.maxPrice;
    if (own && (!fromOrder || fromOrder.currency !== own.currency || own.amount <= fromOrder.amount)) out.set(r.address, { money: own, from: 'own' });
    else if (fromOrder) out.set(r.address, { money: fromOrder, from: 'order' });
  }
  return out;
}

/** As checkLimits takes them; `keep` leaves out ceilings checked elsewhere. */
export function ceilingMoney(ceilings: ReadonlyMap<string, Ceiling>, keep: (address: string, c: Ceiling) => boolean = () => true): Map<string, Money> {
  return new Map([...ceilings].filter(([a, c]) => keep(a, c)).map(([a, c]) => [a, c.money]));
}
