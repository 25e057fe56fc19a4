/**
 * OneAtlas JSON exactly as the vendor sends and expects it (docs/wire-contract.md), and the readers
 * that check an answer's documented required fields. Domain types never appear here.
 */
import type { Polygon } from '../../model.js';
import { WireReader, type FieldKind } from '../wire-read.js';

export interface WireToken {
  access_token: string;
  expires_in: number;
  token_type?: string;
}

export interface WireContractDelivery {
  deliveryPlatformId?: string;
  deliveryWorkspace: string;
}

export interface WireContract {
  contractId: string;
  customerId?: string;
  name?: string;
  tradeAgreementUrl?: string;
  /** A string on the wire (`"150.0"`, `"1.00000003E16"`). */
  creditRemaining: string | number;
  currency: string;
  language?: string;
  contractType?: string;
  backendSource: string;
  /** An array in every example (neo only); the vendor schema says object. */
  delivery?: WireContractDelivery[] | WireContractDelivery;
}

export interface WireMe {
  id: string;
  status?: string;
  roles?: string[];
  contract: { id: string; name?: string; workspaceId: string; workspaceName?: string; balance?: number };
}

export interface WireProductType {
  productTypeId: string;
  technicalProduct: {
    id: string;
    label?: string;
    source: { id: string; label?: string };
    sensor: { id: string; label?: string };
  };
  minimumOrderAreaApplied?: number;
}

export interface WireMarket {
  id: string;
  label: string;
  secondaryMarket?: { id: string; label: string }[];
}

export interface WireDeliveryType {
  deliveryTypeId: string;
  label: string;
}

export interface WireOptionsRequest {
  aoi: { polygonId: number; geometry: Polygon }[];
}

export interface WireOption {
  name: string;
  label?: string;
  category?: string;
  /** `"true" | "false" | "constraint"` (a string). */
  mandatory?: string;
  defaultValue?: string;
  type?: string;
  values?: { id: string; label?: string }[];
  constraint?: { condition?: string } | null;
}

export interface WirePropertyValue {
  id: string;
  label?: string;
}

export interface WireProperty {
  key: string;
  values: WirePropertyValue[];
}

/** Opensearch v2 body: paging plus flat criteria; ranges are interval strings (`"[0,30]"`). */
export interface WireSearchRequest {
  itemsPerPage?: number;
  startPage?: number;
  sortBy?: string;
  acquisitionDate?: string;
  cloudCover?: string;
  incidenceAngle?: string;
  lastUpdateDate?: string;
  publicationDate?: string;
  geometry?: Polygon;
  constellation?: string;
  workspace?: string;
  customerReference?: string;
  id?: string;
}

export interface WireFeature {
  type: 'Feature';
  geometry: Polygon | null;
  properties: {
    id: string;
    acquisitionDate?: string;
    cloudCover?: number;
    incidenceAngle?: number;
    constellation?: string;
    platform?: string;
    processingLevel?: string;
    productType?: string;
    sourceIdentifier?: string;
    /** A delivered product's datastrip: "identified as sourceId in other catalogs" (PPO spec). */
    parentIdentifier?: string;
    lastUpdateDate?: string;
    customerReference?: string;
    salesOrderId?: string;
    internalReference?: string;
  };
  _links?: Record<string, unknown>;
}

export interface WireSearchResponse {
  itemsPerPage: number;
  startIndex: number;
  totalResults: number;
  features: WireFeature[];
}

export interface WireKeyValue {
  key: string;
  value: string;
}

/** One body for prices, quotations and orders. */
export interface WireWorkOrder {
  contractId: string;
  customerReference: string;
  primaryMarket: string;
  secondaryMarket?: string;
  aoi: { id: number; name: string; geometry?: Polygon }[];
  items: { productTypeId: string; aoiId: number; dataSourceIds: { catalogId: string; catalogItemId: string }[] }[];
  optionsPerProductType: { productTypeId: string; options: WireKeyValue[] }[];
  /** `label` [I]: the seed's end-user label (GET /api/v1/properties `labels`), sent only when the config sets one. */
  endUsers: { endUserName: string; country: string; label?: string }[];
  delivery: { type: string };
  /** SPOT/Pléiades only; the PPO spec requires it there. */
  notificationEmails?: string[];
}

export interface WireAmount {
  currency: string;
  totalAmount: number;
  discountPercentage?: number;
  discountValue?: number;
}

export interface WirePrice extends WireAmount {
  contractId?: string;
  productTypes?: { productTypeId: string; amount?: number; price?: number; areaKm2?: number }[];
}

export interface WireQuotation extends WireAmount {
  quotationId: string;
}

/** Legacy: `salesOrderId`; Pléiades Neo: `quotationId` (it behaves as a quotation request). */
export interface WireOrderCreated extends WireAmount {
  salesOrderId?: string;
  quotationId?: string;
}

export interface WireQuotationDecision {
  quotationId?: string;
  salesOrderId?: string;
  status?: string;
}

export interface WireOrdersSearchRequest {
  paging: { itemsPerPage: number; startIndex: number; pagingMode: 'item' };
  criteria: { q: string };
}

export interface WireOrderLine {
  contractId: string;
  customerReference: string;
  quotationId: string;
  salesOrderId?: string;
  orderItemId?: string;
  status?: string;
  quotationStatus: string;
  quotationCreationDate?: string;
  quotationEndOfValidityDate?: string;
  orderCreationDate?: string;
  lastStatusChangeDate?: string;
  productType?: string;
  mission?: string;
  source?: string;
  /** The line's AOI (oneatlas-detailed.md §6 OrderLine `aoi{name, geometry}`). */
  aoi?: { name?: string; geometry?: Polygon };
  /** The line's processing options, as ordered (same section). */
  processingLevel?: string;
  spectralProcessing?: string;
  productFormat?: string;
  pixelCoding?: string;
  radiometricProcessing?: string;
  priority?: string;
  orderLineAmount?: number;
  currency?: string;
}

export interface WireOrdersSearchResponse {
  paging: { itemsPerPage: number; startIndex: number; pagingMode?: string; totalResults: number };
  features: WireOrderLine[];
}

export interface WireAlertCreate {
  name: string;
  context: string;
  constellation: string[];
  productType: string[];
  cloudCover: string;
  incidenceAngle: string;
  geometry: Polygon;
}

export interface WireAlert extends WireAlertCreate {
  id: string;
  status: string;
  createdAt?: string;
  updatedAt?: string;
  triggeredAt?: string | null;
  userId?: string;
  _links?: Record<string, unknown>;
}

export interface WireAlertList {
  startIndex: number;
  totalResults: number;
  countLimitReached?: boolean;
  itemsPerPage: number;
  items: WireAlert[];
}

// ---- readers: one per answer, each naming the call in its errors ----

const AMOUNT: Record<string, FieldKind> = { currency: 'string', totalAmount: 'number' };
const ALERT: Record<string, FieldKind> = {
  id: 'string',
  name: 'string',
  status: 'string',
  context: 'string',
  constellation: 'array',
  productType: 'array',
  cloudCover: 'string',
  incidenceAngle: 'string',
  geometry: 'object',
};

const at = (call: string): WireReader => new WireReader(`OneAtlas ${call}`);

export function readToken(body: unknown): WireToken {
  return at('token').fields<WireToken>(body, '', { access_token: 'string', expires_in: 'numeric' });
}

export function readContracts(body: unknown): WireContract[] {
  return at('GET /api/v1/contracts').list<WireContract>(body, '', 'contracts', {
    contractId: 'string',
    creditRemaining: 'numeric',
    currency: 'string',
    backendSource: 'string',
  });
}

export function readMe(body: unknown): WireMe {
  const r = at('GET /api/v1/me');
  const me = r.fields<WireMe>(body, '', { id: 'string', contract: 'object' });
  r.fields(me.contract, 'contract', { id: 'string', workspaceId: 'string' });
  return me;
}

export function readProductTypes(body: unknown): WireProductType[] {
  const r = at('GET /api/v1/contracts/{id}/productTypes');
  const list = r.list<WireProductType>(body, '', 'productTypes', { productTypeId: 'string', technicalProduct: 'object' });
  list.forEach((p, i) => {
    const path = `productTypes[${i}].technicalProduct`;
    r.fields(p.technicalProduct, path, { id: 'string', source: 'object', sensor: 'object' });
    r.fields(p.technicalProduct.source, `${path}.source`, { id: 'string' });
    r.fields(p.technicalProduct.sensor, `${path}.sensor`, { id: 'string' });
  });
  return list;
}

export function readMarkets(body: unknown): WireMarket[] {
  return at('GET /api/v1/contracts/{id}/properties').list<WireMarket>(body, '', 'markets', { id: 'string', label: 'string' });
}

export function readDeliveryTypes(body: unknown): WireDeliveryType[] {
  return at('GET /api/v1/contracts/{id}/deliveryTypes').list<WireDeliveryType>(body, '', 'deliveryTypes', {
    deliveryTypeId: 'string',
    label: 'string',
  });
}

export function readOptions(body: unknown): WireOption[] {
  return at('POST /api/v1/contracts/{id}/productTypes/{id}/options').list<WireOption>(body, '', 'availableOptions', { name: 'string' });
}

export function readProperties(body: unknown): WireProperty[] {
  const r = at('GET /api/v1/properties');
  const list = r.list<WireProperty>(body, '', 'properties', { key: 'string', values: 'array' });
  list.forEach((p, i) => r.list(p, `properties[${i}]`, 'values', { id: 'string' }));
  return list;
}

export function readSearch(body: unknown): WireSearchResponse {
  const r = at('POST /api/v2/opensearch');
  const res = r.fields<WireSearchResponse>(body, '', { itemsPerPage: 'number', startIndex: 'number', totalResults: 'number' });
  r.list<WireFeature>(res, '', 'features', { properties: 'object' }).forEach((f, i) =>
    r.fields(f.properties, `features[${i}].properties`, { id: 'string' }),
  );
  return res;
}

export function readPrice(body: unknown): WirePrice {
  return at('POST /api/v1/prices').fields<WirePrice>(body, '', AMOUNT);
}

export function readQuotation(body: unknown): WireQuotation {
  return at('POST /api/v1/quotations').fields<WireQuotation>(body, '', { ...AMOUNT, quotationId: 'string' });
}

export function readOrderCreated(body: unknown): WireOrderCreated {
  const r = at('POST /api/v1/orders');
  const o = r.fields<WireOrderCreated>(body, '', AMOUNT);
  if (typeof o.salesOrderId !== 'string' && typeof o.quotationId !== 'string') {
    r.fields(o, '', { salesOrderId: 'string' });
  }
  return o;
}

export function readQuotationDecision(body: unknown, decision: 'accept' | 'refuse'): WireQuotationDecision {
  // The vendor documents no body; an empty answer is a success.
  return body === undefined ? {} : at(`PUT /api/v1/contracts/{id}/quotations/{id}/${decision}`).fields(body, '', {});
}

export function readOrdersSearch(body: unknown): WireOrdersSearchResponse {
  const r = at('POST /api/v2/orders/search');
  const res = r.fields<WireOrdersSearchResponse>(body, '', { paging: 'object' });
  const paging = res.paging as WireOrdersSearchResponse['paging'] & { totalResult?: number };
  // The vendor schema says `totalResult`, its example `totalResults`: accept either.
  if (typeof paging.totalResults !== 'number' && typeof paging.totalResult === 'number') paging.totalResults = paging.totalResult;
  r.fields(paging, 'paging', { startIndex: 'number', totalResults: 'number' });
  r.list(res, '', 'features', { contractId: 'string', customerReference: 'string', quotationId: 'string', quotationStatus: 'string' });
  return res;
}

export function readAlert(body: unknown): WireAlert {
  return at('alert').fields<WireAlert>(body, '', ALERT);
}

export function readAlertList(body: unknown): WireAlertList {
  const r = at('GET /api/v1/alerts');
  const res = r.fields<WireAlertList>(body, '', { startIndex: 'number', totalResults: 'number', itemsPerPage: 'number' });
  r.list(res, '', 'items', ALERT);
  return res;
}
