/**
 * OneAtlas conversions: domain specs → wire bodies, wire answers → observations the planner
 * compares with config and state. Pure functions.
 */
import type { AlertSpec, Aoi, Backend, Money, OneAtlasOrderSpec, Polygon, RejectionReason } from '../../model.js';
import { REJECTION_REASONS } from '../../model.js';
import type { ResourceStatus } from '../../state/types.js';
import { toNumber, WireFormatError, WireReader } from '../wire-read.js';
import type {
  WireAlert,
  WireAlertCreate,
  WireAmount,
  WireContract,
  WireFeature,
  WireOptionsRequest,
  WireOrderCreated,
  WireOrderLine,
  WireWorkOrder,
} from './wire.js';

/** Catalogue of the public archive, the only one orderform orders from. */
const CATALOG_ID = 'PublicMOC';

export interface ContractInfo {
  contractId: string;
  name?: string;
  backend: Backend;
  currency: string;
  creditRemaining: number;
  /** Neo contracts name their delivery workspace; legacy ones use `/me`. */
  workspace?: string;
}

export interface OrderPlaced {
  salesOrderId?: string;
  quotationId?: string;
  price: Money;
}

export interface OrderLineObservation {
  contractId: string;
  customerReference: string;
  quotationId: string;
  salesOrderId?: string;
  status: ResourceStatus;
  price?: Money;
  /** ISO date past which a SENT quotation can no longer be accepted. */
  quotationValidUntil?: string;
}

export interface DeliveredItem {
  catalogItemId: string;
  customerReference?: string;
  salesOrderId?: string;
  status: 'delivered';
  /** The datastrip ids it shows (`parentIdentifier`, `sourceIdentifier`): a catalogue item's `sourceIdentifier` names the one it was produced from. */
  datastrips: string[];
  geometry: Polygon | null;
}

/** An alert as the vendor has it, in the spec's terms so the planner can compare field by field. */
export type AlertObservation = Pick<
  AlertSpec,
  'name' | 'context' | 'constellations' | 'productTypes' | 'cloudCover' | 'incidenceAngle' | 'geometry'
> & { alertId: string; status: string };

/**
 * The work order for prices, quotations and orders. Mono orders send one item per catalogue
 * image; stereo/tristereo send the images of an AOI together in one item (several dataSourceIds).
 */
export function toWorkOrder(spec: OneAtlasOrderSpec): WireWorkOrder {
  const byAoi = new Map<number, string[]>();
  for (const item of spec.items) byAoi.set(item.aoiId, [...(byAoi.get(item.aoiId) ?? []), item.catalogItemId]);
  const groups =
    spec.acquisitionMode === 'mono'
      ? spec.items.map((i) => ({ aoiId: i.aoiId, ids: [i.catalogItemId] }))
      : [...byAoi].map(([aoiId, ids]) => ({ aoiId, ids }));
  return {
    contractId: spec.contract.contractId,
    customerReference: spec.customerReference,
    primaryMarket: spec.primaryMarket,
    ...(spec.secondaryMarket ? { secondaryMarket: spec.secondaryMarket } : {}),
    aoi: spec.aois.map((a) => ({ id: a.id, name: a.name, ...(a.geometry ? { geometry: a.geometry } : {}) })),
    items: groups.map((g) => ({
      productTypeId: spec.productTypeId,
      aoiId: g.aoiId,
      dataSourceIds: g.ids.map((catalogItemId) => ({ catalogId: CATALOG_ID, catalogItemId })),
    })),
    optionsPerProductType: [
      {
        productTypeId: spec.productTypeId,
        options: Object.keys(spec.options)
          .sort()
          .map((key) => ({ key, value: spec.options[key] as string })),
      },
    ],
    endUsers: [{ endUserName: spec.endUser.name, country: spec.endUser.country, ...(spec.endUser.label ? { label: spec.endUser.label } : {}) }],
    delivery: { type: spec.deliveryType },
    // The PPO OpenAPI description requires it on SPOT/Pléiades bodies (and lists it on no Pléiades Neo one).
    ...(spec.mission === 'PLEIADESNEO' ? {} : { notificationEmails: [...spec.notificationEmails] }),
  };
}

export function toOptionsRequest(aois: readonly Aoi[]): WireOptionsRequest {
  return { aoi: aois.filter((a) => a.geometry).map((a) => ({ polygonId: a.id, geometry: a.geometry as Polygon })) };
}

export function fromContract(w: WireContract, index = 0): ContractInfo {
  const r = new WireReader('OneAtlas GET /api/v1/contracts');
  if (w.backendSource !== 'legacy' && w.backendSource !== 'neo') {
    throw new WireFormatError(r.source, `contracts[${index}].backendSource`, '"legacy" or "neo"');
  }
  const delivery = Array.isArray(w.delivery) ? w.delivery[0] : w.delivery;
  return {
    contractId: w.contractId,
    ...(w.name ? { name: w.name } : {}),
    backend: w.backendSource,
    currency: w.currency,
    creditRemaining: toNumber(w.creditRemaining, r, `contracts[${index}].creditRemaining`),
    ...(delivery?.deliveryWorkspace ? { workspace: delivery.deliveryWorkspace } : {}),
  };
}

export function fromAmount(w: WireAmount): Money {
  return { amount: w.totalAmount, currency: w.currency };
}

export function fromOrderCreated(w: WireOrderCreated): OrderPlaced {
  return {
    ...(w.salesOrderId ? { salesOrderId: w.salesOrderId } : {}),
    ...(w.quotationId ? { quotationId: w.quotationId } : {}),
    price: fromAmount(w),
  };
}

const LINE_STATUS: Record<string, ResourceStatus> = {
  IN_PROGRESS: 'in-progress',
  DELIVERED: 'delivered',
  CANCELLED: 'cancelled',
  FAILED: 'failed',
};

const QUOTATION_STATUS: Record<string, ResourceStatus> = {
  SENT: 'quotation-sent',
  ACCEPTED: 'quotation-accepted',
  REFUSED: 'quotation-refused',
  REJECTED: 'quotation-refused',
  EXPIRED: 'quotation-expired',
};

/** The order's production status wins once it exists; before that, the quotation's. */
export function fromOrderLine(w: WireOrderLine): OrderLineObservation {
  const status = (w.status && LINE_STATUS[w.status]) ?? QUOTATION_STATUS[w.quotationStatus];
  if (!status) {
    throw new WireFormatError('OneAtlas POST /api/v2/orders/search', 'features[].quotationStatus', 'SENT, ACCEPTED, REFUSED or EXPIRED');
  }
  return {
    contractId: w.contractId,
    customerReference: w.customerReference,
    quotationId: w.quotationId,
    ...(w.salesOrderId ? { salesOrderId: w.salesOrderId } : {}),
    status,
    ...(typeof w.orderLineAmount === 'number' && w.currency ? { price: { amount: w.orderLineAmount, currency: w.currency } } : {}),
    ...(w.quotationEndOfValidityDate ? { quotationValidUntil: w.quotationEndOfValidityDate } : {}),
  };
}

export function fromDeliveredFeature(f: WireFeature): DeliveredItem {
  const p = f.properties;
  const salesOrderId = p.salesOrderId ?? p.internalReference;
  return {
    catalogItemId: p.id,
    ...(p.customerReference ? { customerReference: p.customerReference } : {}),
    ...(salesOrderId ? { salesOrderId } : {}),
    status: 'delivered',
    datastrips: [...new Set([p.parentIdentifier, p.sourceIdentifier].filter((s): s is string => typeof s === 'string'))],
    geometry: f.geometry,
  };
}

/** `(customerReference:REF)`, optionally narrowed to one contract, for v2 orders search. */
export function customerReferenceQuery(customerReference: string, contractId?: string): string {
  const term = `(customerReference:${customerReference})`;
  return contractId ? `${term} AND (contractId:${contractId})` : term;
}

export function quotationQuery(quotationId: string): string {
  return `(cis.quotation:${quotationId})`;
}

export function rejectionReasonId(reason: RejectionReason): number {
  return REJECTION_REASONS[reason];
}

export function toAlertCreate(spec: AlertSpec): WireAlertCreate {
  return {
    name: spec.name,
    context: spec.context,
    constellation: [...spec.constellations],
    productType: [...spec.productTypes],
    cloudCover: toInterval(spec.cloudCover),
    incidenceAngle: toInterval(spec.incidenceAngle),
    geometry: spec.geometry,
  };
}

export function fromAlert(w: WireAlert): AlertObservation {
  const r = new WireReader(`OneAtlas alert ${w.id}`);
  return {
    alertId: w.id,
    name: w.name,
    status: w.status,
    context: w.context,
    constellations: w.constellation.map(String),
    productTypes: w.productType.map(String),
    cloudCover: fromInterval(w.cloudCover, r, 'cloudCover'),
    incidenceAngle: fromInterval(w.incidenceAngle, r, 'incidenceAngle'),
    geometry: w.geometry,
  };
}

/** `[a,b]` inclusive interval string, as the vendor writes ranges. */
function toInterval([a, b]: readonly [number, number]): string {
  return `[${a},${b}]`;
}

function fromInterval(text: string, r: WireReader, field: string): [number, number] {
  const m = /^\s*[[\]]\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*[[\]]\s*$/.exec(text);
  if (!m) throw new WireFormatError(r.source, field, 'an interval like "[10,30]"');
  return [toNumber(m[1], r, field), toNumber(m[2], r, field)];
}
