/** `POST /api/v2/orders/search`: one flat record per Pléiades Neo order line (quotations included), q-filtered, item-paged. */
import { requireToken } from '../auth.js';
import { json, type Handler, type Route, type Sim } from '../context.js';
import { hostError, isObject, jsonObject } from '../errors.js';
import { lastStatusChange, orderStatus, quotationStatus } from './lifecycle.js';
import type { WorkOrderLineRecord, WorkOrderRecord } from './order-records.js';
import { matches, parseQuery, QueryError } from './query.js';
import { contractById } from './seed.js';

const FIELDS = ['customerReference', 'quotationStatus', 'status', 'contractId', 'cis.quotation', 'technicalProduct.source.id', 'orderItemId', 'salesOrderId'] as const;
export const MAX_ITEMS_PER_PAGE = 1000; // [I]

function feature(rec: WorkOrderRecord, line: WorkOrderLineRecord, sim: Sim) {
  const contract = contractById(rec.contractId);
  const o = line.options;
  return {
    contractId: rec.contractId,
    customerReference: rec.customerReference,
    quotationId: rec.quotationId,
    ...(rec.salesOrderId ? { salesOrderId: rec.salesOrderId } : {}),
    orderItemId: line.orderItemId,
    orderLineId: line.orderItemId,
    ...(orderStatus(rec, sim) ? { status: orderStatus(rec, sim) } : {}),
    quotationStatus: quotationStatus(rec, sim),
    ...(rec.decision?.rejectionReasonId ? { rejectionReasonId: rec.decision.rejectionReasonId } : {}),
    quotationVersion: 1,
    quotationCreationDate: rec.createdAt,
    quotationEndOfValidityDate: rec.quotationEndOfValidityDate,
    ...(rec.orderCreationDate ? { orderCreationDate: rec.orderCreationDate } : {}),
    lastStatusChangeDate: lastStatusChange(rec, sim),
    productType: line.productTypeId,
    mission: line.mission.toLowerCase(),
    source: 'archive',
    catalogItemId: line.catalogItemId,
    aoi: { name: line.aoiName, geometry: line.geometry },
    processingLevel: o.processing_level,
    spectralProcessing: o.spectral_processing,
    productFormat: o.image_format,
    pixelCoding: o.pixel_coding,
    radiometricProcessing: o.radiometric_processing,
    priority: o.priority,
    deliveryType: rec.deliveryType,
    deliveryWorkspace: contract?.workspace,
    endUser: { endUserCountryId: rec.endUsers[0]?.country },
    orderLineAmount: line.amount,
    currency: rec.currency,
    priceCalculationArea: line.chargedAreaKm2,
    orderMinimumApplied: line.minimumApplied,
    requestedArea: line.areaKm2,
  };
}

const search: Handler = (req, sim) => {
  requireToken(req, sim, 'order');
  const body = jsonObject(req, 'order');
  const { paging, criteria } = body;
  if (!isObject(paging) || !isObject(criteria)) throw bad('paging and criteria are both required');
  const itemsPerPage = paging.itemsPerPage ?? 25;
  const startIndex = paging.startIndex ?? 0;
  if (!Number.isInteger(itemsPerPage) || (itemsPerPage as number) < 1 || (itemsPerPage as number) > MAX_ITEMS_PER_PAGE) {
    throw bad(`paging.itemsPerPage must be an integer from 1 to ${MAX_ITEMS_PER_PAGE}`);
  }
  if (!Number.isInteger(startIndex) || (startIndex as number) < 0) throw bad('paging.startIndex must be an integer ≥ 0');
  if (paging.pagingMode !== undefined && paging.pagingMode !== 'item') throw bad("paging.pagingMode must be 'item'");
  if (criteria.q !== undefined && typeof criteria.q !== 'string') throw bad('criteria.q must be a string');
  let query;
  try {
    query = parseQuery((criteria.q as string | undefined) ?? '', FIELDS);
  } catch (e) {
    if (e instanceof QueryError) throw bad(`criteria.q: ${e.message}`);
    throw e;
  }
  const all = sim.store.data.workOrders
    .filter((w) => w.kind === 'neo-quotation')
    .flatMap((w) => w.lines.map((l) => feature(w, l, sim)))
    .filter((f) =>
      matches(query, {
        customerReference: f.customerReference,
        quotationStatus: f.quotationStatus,
        status: f.status,
        contractId: f.contractId,
        'cis.quotation': f.quotationId,
        'technicalProduct.source.id': f.source,
        orderItemId: f.orderItemId,
        salesOrderId: f.salesOrderId,
      }),
    )
    .reverse(); // newest first [I]
  const start = startIndex as number;
  return json(200, {
    paging: { itemsPerPage, startIndex: start, pagingMode: 'item', totalResults: all.length },
    features: all.slice(start, start + (itemsPerPage as number)),
  });
};

function bad(message: string) {
  return hostError('order', 400, 'INVALID_PAYLOAD', message);
}

export const ordersSearchRoutes: Route[] = [{ method: 'POST', template: '/api/v2/orders/search', host: 'order', handler: search }];
