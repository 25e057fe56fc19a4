/**
 * Prices (legacy only), quotation requests (Neo only) and orders: legacy orders are placed and debited at
 * once; a Neo order is a quotation request (debited on accept). Nothing here deduplicates by
 * customerReference: a client that resends gets a second order, as it would from the vendor.
 */
import { requireToken } from '../auth.js';
import { json, type Handler, type Route, type Sim } from '../context.js';
import { jsonObject, ruleError } from '../errors.js';
import { round2 } from '../money.js';
import type { WorkOrderLineRecord, WorkOrderRecord } from './order-records.js';
import { parseWorkOrder, type WorkOrder } from './work-order.js';

function amounts(wo: WorkOrder) {
  return { currency: wo.contract.currency, discountPercentage: 0.0, discountValue: 0.0, totalAmount: wo.totalAmount };
}

const prices: Handler = (req, sim) => {
  requireToken(req, sim, 'order');
  const wo = parseWorkOrder(jsonObject(req, 'order'), 'price', sim);
  if (wo.contract.backend === 'neo') {
    throw ruleError('QUOTATION_REQUIRED', 'Prices are not available for Pléiades Neo; request a quotation (POST /api/v1/quotations)');
  }
  const byType = new Map<string, typeof wo.lines>();
  for (const line of wo.lines) byType.set(line.productType.productTypeId, [...(byType.get(line.productType.productTypeId) ?? []), line]);
  return json(201, {
    contractId: wo.contract.contractId,
    ...amounts(wo),
    productTypes: [...byType].map(([productTypeId, lines]) => {
      const amount = round2(lines.reduce((s, l) => s + l.amount, 0));
      return {
        productTypeId,
        amount,
        price: amount,
        areaKm2: round2(lines.reduce((s, l) => s + l.areaKm2, 0)),
        priceCalculationAreaKm2: round2(lines.reduce((s, l) => s + l.chargedAreaKm2, 0)),
        orderMinimumApplied: lines.some((l) => l.minimumApplied),
        discountPercentage: 0.0,
        discountValue: 0.0,
        items: lines.map((l) => ({ datastripIds: [l.item.sourceIdentifier], catalogItemId: l.item.id, amount: l.amount })),
        voucherCode: null,
      };
    }),
  });
};

/** Stores the work order; legacy: a sales order (credit checked and debited), Neo: a quotation. */
function record(wo: WorkOrder, sim: Sim): WorkOrderRecord {
  const now = sim.now();
  const seq = sim.store.next('workOrder');
  const lines: WorkOrderLineRecord[] = wo.lines.map((l, i) => ({
    orderItemId: `WOI_${String(seq).padStart(9, '0')}_${i + 1}`,
    productTypeId: l.productType.productTypeId,
    mission: l.productType.mission,
    catalogItemId: l.item.id,
    acquisitionType: l.item.productType,
    aoiId: l.aoiId,
    aoiName: l.aoiName,
    geometry: l.geometry,
    areaKm2: l.areaKm2,
    chargedAreaKm2: l.chargedAreaKm2,
    minimumApplied: l.minimumApplied,
    amount: l.amount,
    options: l.options,
  }));
  const rec: WorkOrderRecord = {
    kind: wo.contract.backend === 'neo' ? 'neo-quotation' : 'legacy-order',
    contractId: wo.contract.contractId,
    customerReference: wo.customerReference,
    primaryMarket: wo.primaryMarket,
    ...(wo.secondaryMarket !== undefined ? { secondaryMarket: wo.secondaryMarket } : {}),
    endUsers: wo.endUsers,
    deliveryType: wo.deliveryType,
    currency: wo.contract.currency,
    totalAmount: wo.totalAmount,
    createdAt: now.toISOString(),
    lines,
  };
  if (rec.kind === 'neo-quotation') {
    rec.quotationId = `QUO${26_000_000 + sim.store.next('quotation')}`;
    rec.quotationEndOfValidityDate = new Date(now.getTime() + sim.knobs.quotationValidityMs).toISOString();
  } else {
    debit(sim, rec);
    rec.salesOrderId = nextSalesOrderId(sim);
    rec.orderCreationDate = rec.createdAt;
  }
  sim.store.data.workOrders.push(rec);
  sim.store.commit();
  return rec;
}

export function nextSalesOrderId(sim: Sim): string {
  return `SAL${21_400_000 + sim.store.next('salesOrder')}`;
}

/** Checks the contract's remaining credit and takes the order's amount from it. */
export function debit(sim: Sim, rec: WorkOrderRecord): void {
  const remaining = sim.store.data.credit[rec.contractId] ?? 0;
  if (rec.totalAmount > remaining) {
    throw ruleError('INSUFFICIENT_CREDIT', `The order costs ${rec.totalAmount} ${rec.currency}; the contract has ${round2(remaining)} ${rec.currency} left`);
  }
  sim.store.data.credit[rec.contractId] = round2(remaining - rec.totalAmount);
}

const quotations: Handler = (req, sim) => {
  requireToken(req, sim, 'order');
  const wo = parseWorkOrder(jsonObject(req, 'order'), 'quotation', sim);
  if (wo.contract.backend !== 'neo') {
    throw ruleError('QUOTATION_NOT_AVAILABLE', 'Quotations are only available for Pléiades Neo; price legacy orders with POST /api/v1/prices');
  }
  const rec = record(wo, sim);
  return json(201, { quotationId: rec.quotationId, ...amounts(wo) });
};

const orders: Handler = (req, sim) => {
  requireToken(req, sim, 'order');
  const wo = parseWorkOrder(jsonObject(req, 'order'), 'order', sim);
  const rec = record(wo, sim);
  const id = rec.kind === 'neo-quotation' ? { quotationId: rec.quotationId } : { salesOrderId: rec.salesOrderId };
  return json(201, { ...id, ...amounts(wo) });
};

export const orderRoutes: Route[] = [
  { method: 'POST', template: '/api/v1/prices', host: 'order', handler: prices },
  { method: 'POST', template: '/api/v1/quotations', host: 'order', handler: quotations },
  { method: 'POST', template: '/api/v1/orders', host: 'order', handler: orders },
];
