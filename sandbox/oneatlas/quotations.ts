/** Pléiades Neo quotation follow-up: PDF export, accept (creates the sales order, debits credit), refuse (reason 1–7). */
import { requireToken } from '../auth.js';
import { json, type Handler, type Route, type Sim, type SimRequest } from '../context.js';
import { hostError, jsonBody, isObject, ruleError } from '../errors.js';
import { textPdf } from '../pdf.js';
import { quotationStatus } from './lifecycle.js';
import type { WorkOrderRecord } from './order-records.js';
import { debit, nextSalesOrderId } from './orders.js';
import { contractById } from './seed.js';

export function findQuotation(sim: Sim, quotationId: string): WorkOrderRecord | undefined {
  return sim.store.data.workOrders.find((w) => w.quotationId === quotationId);
}

/** The quotation of the path, which must belong to the path's contract. */
function pathQuotation(req: SimRequest, sim: Sim): WorkOrderRecord {
  requireToken(req, sim, 'order');
  const contractId = req.params.contractId ?? '';
  if (!contractById(contractId)) throw hostError('order', 404, 'E2203', `CIS contract '${contractId}' not found.`);
  const rec = findQuotation(sim, req.params.quotationId ?? '');
  if (!rec || rec.contractId !== contractId) throw hostError('order', 404, 'NOT_FOUND', `Quotation '${req.params.quotationId}' not found on contract ${contractId}`);
  return rec;
}

function alreadyDecided(rec: WorkOrderRecord) {
  return ruleError('QUOTATION_ALREADY_DECIDED', `Quotation ${rec.quotationId} is already ${rec.decision?.status}`, 409);
}

const accept: Handler = (req, sim) => {
  const rec = pathQuotation(req, sim);
  if (rec.decision) throw alreadyDecided(rec);
  if (quotationStatus(rec, sim) === 'EXPIRED') {
    throw ruleError('QUOTATION_EXPIRED', `Quotation ${rec.quotationId} expired on ${rec.quotationEndOfValidityDate}`);
  }
  debit(sim, rec);
  const at = sim.now().toISOString();
  rec.decision = { status: 'ACCEPTED', at };
  rec.salesOrderId = nextSalesOrderId(sim);
  rec.orderCreationDate = at;
  sim.store.commit();
  return json(200, { quotationId: rec.quotationId, salesOrderId: rec.salesOrderId, status: 'ACCEPTED' });
};

/** An expired quotation may still be refused (reason 1 is "The quote has expired"). */
const refuse: Handler = (req, sim) => {
  const rec = pathQuotation(req, sim);
  const body = jsonBody(req, 'order');
  const reason = isObject(body) ? body.rejectionReasonId : undefined;
  if (!Number.isInteger(reason) || (reason as number) < 1 || (reason as number) > 7) {
    throw ruleError('INVALID_REJECTION_REASON', 'rejectionReasonId must be an integer from 1 to 7');
  }
  if (rec.decision) throw alreadyDecided(rec);
  rec.decision = { status: 'REFUSED', at: sim.now().toISOString(), rejectionReasonId: reason as number };
  sim.store.commit();
  return json(200, { quotationId: rec.quotationId, status: 'REFUSED' });
};

const exportPdf: Handler = (req, sim) => {
  requireToken(req, sim, 'order');
  const rec = findQuotation(sim, req.params.quotationId ?? '');
  if (!rec) throw hostError('order', 404, 'NOT_FOUND', `Quotation '${req.params.quotationId}' not found`);
  const pdf = textPdf(`Quotation ${rec.quotationId}`, [
    `Contract: ${rec.contractId}`,
    `Customer reference: ${rec.customerReference}`,
    `Status: ${quotationStatus(rec, sim)}`,
    `Created: ${rec.createdAt}`,
    `Valid until: ${rec.quotationEndOfValidityDate}`,
    ...rec.lines.map((l) => `${l.orderItemId}  ${l.productTypeId}  ${l.catalogItemId}  ${l.chargedAreaKm2} km2  ${l.amount.toFixed(2)} ${rec.currency}`),
    `Total: ${rec.totalAmount.toFixed(2)} ${rec.currency}`,
  ]);
  return {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${rec.quotationId}.pdf"` },
    bytes: pdf,
  };
};

export const quotationRoutes: Route[] = [
  { method: 'GET', template: '/api/v1/quotations/{quotationId}/export', host: 'order', handler: exportPdf },
  { method: 'PUT', template: '/api/v1/contracts/{contractId}/quotations/{quotationId}/accept', host: 'order', handler: accept },
  { method: 'PUT', template: '/api/v1/contracts/{contractId}/quotations/{quotationId}/refuse', host: 'order', handler: refuse },
];
