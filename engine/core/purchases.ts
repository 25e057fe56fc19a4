/**
 * What a vendor itself shows was bought, for budgets: its order listings and, where it has one, its usage
 * counter. Budgets count it beside state (engine/plan/spent.ts), so lost state, an adopted order state has
 * no price for, or an order placed by another run still counts.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Money } from '../model.js';

export interface ListedPurchase {
  /** The vendor ids state may record for it (order id, sales order id, quotation id): any one matches. */
  ids: string[];
  /** The reference it was ordered with (orderform's customerReference), when the listing shows one. */
  reference?: string;
  /** When it was ordered (ISO), as the vendor lists it; undefined: not shown (counted whatever the period). */
  orderedAt?: string;
  /** Null: the listing shows no price. */
  price: Money | null;
  /** How to name it to people, e.g. `<vendor> order 1234`. */
  name: string;
}

export interface VendorPurchases {
  vendor: string;
  /** Purchases its listings show since the period start (only bought ones: no pending or refused quotation). */
  listed: ListedPurchase[];
  /** The vendor's own total spent since the period start, per currency, when it has a usage counter the login may read. */
  usage?: Money[];
  /** What could not be read or counted, as warnings the plan shows (never a silent 0). */
  diagnostics: Diagnostic[];
}
