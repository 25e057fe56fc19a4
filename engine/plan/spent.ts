/**
 * What this config already spent: budget.total and perVendor bound that plus this apply, so two merges
 * each under the total cannot spend twice the total. Counted, within the budget's period: purchases state
 * records (placed orders — those priced by quotation through their decision — and accepted quotations, at
 * the price recorded when bought, dated when recorded), and what the vendors themselves list as bought
 * (dated when ordered) that state does not count: an order state does not hold, or holds without a price
 * (adopted). A listed order state holds is matched by vendor id or reference and counted once. A vendor's
 * usage counter, where readable, is counted when above that sum. Pure.
 */
import type { ListedPurchase, VendorPurchases } from '../core/purchases.js';
import { warning, type Diagnostic } from '../diagnostics.js';
import type { BudgetPeriod } from '../model.js';
import { providerOf, traitsOf } from '../providers/registry.js';
import type { ResourceState, StateSnapshot } from '../state/types.js';
import { roundMoney } from '../core/money.js';

export interface BudgetSpent {
  /** Start of the period counted (ISO date), null for all time. */
  since: string | null;
  /** Human name of the period, e.g. `2026`, `2026-12`, `all time`. */
  label: string;
  byVendor: Partial<Record<string, Record<string, number>>>;
}

const NOT_BOUGHT = new Set<ResourceState['status']>(['intent', 'failed', 'quotation-sent', 'quotation-refused', 'quotation-expired']);

/** The provider a recorded purchase was paid to (whether or not state knows its price), or undefined when the record is not a purchase. */
function purchaseVendor(r: ResourceState): string | undefined {
  if (NOT_BOUGHT.has(r.status)) return undefined;
  const traits = traitsOf(r.kind);
  switch (traits.lifecycle) {
    case 'order':
      // An order priced by quotation: its price is the quotation's, paid by its accepted decision and counted there.
      return traits.createSpends && !r.remote.quotationId ? providerOf(r.kind).vendor : undefined;
    case 'decision':
      // An accept records the quotation's price; a refusal, none (and buys nothing).
      return r.status === 'decided' && r.price ? providerOf(r.kind).vendor : undefined;
    case 'renamable':
      return undefined;
  }
}

export function periodStart(period: BudgetPeriod, now: Date): Date | null {
  switch (period) {
    case 'all-time':
      return null;
    case 'calendar-year':
      return new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
    case 'calendar-month':
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  }
}

/** The state records a listed purchase is: same vendor, and one of its ids or its reference. */
function matcher(state: StateSnapshot, vendor: string): (p: ListedPurchase) => ResourceState[] {
  const mine = Object.values(state.resources).filter((r) => providerOf(r.kind).vendor === vendor);
  return (p) => mine.filter((r) => {
    const ids = [r.remote.orderId, r.remote.salesOrderId, r.remote.quotationId].filter((x): x is string => !!x);
    return ids.some((id) => p.ids.includes(id)) || (p.reference !== undefined && r.remote.customerReference === p.reference);
  });
}

export function spentSoFar(state: StateSnapshot, period: BudgetPeriod, now: Date, vendors: readonly VendorPurchases[] = []): { spent: BudgetSpent; diagnostics: Diagnostic[] } {
  const start = periodStart(period, now);
  const inPeriod = (at: string | undefined) => !start || at === undefined || Date.parse(at) >= start.getTime();
  const byVendor: BudgetSpent['byVendor'] = {};
  const add = (vendor: string, currency: string, amount: number) => {
    const sums = (byVendor[vendor] ??= {});
    sums[currency] = roundMoney((sums[currency] ?? 0) + amount);
  };
  const unpriced = new Map<string, string>(); // address or vendor name → what is bought without a known price
  const countedByState = new Set<string>();
  for (const r of Object.values(state.resources)) {
    const vendor = purchaseVendor(r);
    if (!vendor) continue;
    if (!r.price) {
      unpriced.set(r.address, r.address);
      continue;
    }
    countedByState.add(r.address);
    if (inPeriod(r.createdAt)) add(vendor, r.price.currency, r.price.amount);
  }
  const diagnostics: Diagnostic[] = [];
  for (const v of vendors) {
    diagnostics.push(...v.diagnostics);
    const stateOf = matcher(state, v.vendor);
    const itemized: Record<string, number> = { ...byVendor[v.vendor] };
    for (const p of v.listed) {
      const held = stateOf(p);
      if (held.some((r) => countedByState.has(r.address))) continue;
      for (const r of held) unpriced.delete(r.address);
      if (!inPeriod(p.orderedAt)) continue;
      if (!p.price) {
        unpriced.set(held[0]?.address ?? p.name, held.length ? `${held[0]!.address} (${p.name})` : p.name);
        continue;
      }
      add(v.vendor, p.price.currency, p.price.amount);
      itemized[p.price.currency] = roundMoney((itemized[p.price.currency] ?? 0) + p.price.amount);
    }
    // The vendor's own counter sees every order of the account: where it says more, it is the amount spent.
    for (const u of v.usage ?? []) if (u.amount > (itemized[u.currency] ?? 0)) (byVendor[v.vendor] ??= {})[u.currency] = roundMoney(u.amount);
  }
  if (unpriced.size) {
    const names = [...unpriced.values()];
    diagnostics.push(warning('SPENT_PRICE_UNKNOWN', `${names.length} purchase(s) have no known price and are not counted against the budget: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`, undefined,
      'Neither state nor the vendor listing shows what they cost (e.g. an order adopted from the vendor). The budget lines understate what was spent by their price: check it with the vendor.'));
  }
  const label = !start ? 'all time' : period === 'calendar-year' ? String(start.getUTCFullYear()) : start.toISOString().slice(0, 7);
  return { spent: { since: start?.toISOString().slice(0, 10) ?? null, label, byVendor }, diagnostics };
}

