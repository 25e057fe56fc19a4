/**
 * Statuses computed lazily from the clock, never stored: a quotation is SENT until decided or past its
 * validity (EXPIRED); an order is IN_PROGRESS until `deliveryDelayMs` after its creation, then DELIVERED.
 */
import type { Sim } from '../context.js';
import type { WorkOrderRecord } from './order-records.js';

export type QuotationStatus = 'SENT' | 'ACCEPTED' | 'REFUSED' | 'EXPIRED';
export type OrderStatus = 'IN_PROGRESS' | 'DELIVERED';

export function quotationStatus(rec: WorkOrderRecord, sim: Sim): QuotationStatus | undefined {
  if (rec.kind !== 'neo-quotation') return undefined;
  if (rec.decision) return rec.decision.status;
  const end = rec.quotationEndOfValidityDate ? Date.parse(rec.quotationEndOfValidityDate) : Infinity;
  return sim.now().getTime() > end ? 'EXPIRED' : 'SENT';
}

export function orderStatus(rec: WorkOrderRecord, sim: Sim): OrderStatus | undefined {
  const due = deliveryTime(rec, sim);
  if (due === undefined) return undefined;
  return sim.now().getTime() >= due ? 'DELIVERED' : 'IN_PROGRESS';
}

/** When the order is (or will be) delivered, in epoch ms; undefined before there is an order. */
export function deliveryTime(rec: WorkOrderRecord, sim: Sim): number | undefined {
  if (!rec.orderCreationDate) return undefined;
  return Date.parse(rec.orderCreationDate) + sim.knobs.deliveryDelayMs;
}

/** The most recent status change, for `lastStatusChangeDate`. */
export function lastStatusChange(rec: WorkOrderRecord, sim: Sim): string {
  const delivered = deliveryTime(rec, sim);
  if (delivered !== undefined && sim.now().getTime() >= delivered) return new Date(delivered).toISOString();
  if (rec.decision) return rec.decision.at;
  if (quotationStatus(rec, sim) === 'EXPIRED' && rec.quotationEndOfValidityDate) return rec.quotationEndOfValidityDate;
  return rec.orderCreationDate ?? rec.createdAt;
}
