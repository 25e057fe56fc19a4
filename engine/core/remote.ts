/**
 * What refresh observed remotely, per address: the input `diff` compares state and config against.
 * Refresh (reads only) fills it; an address it did not look up is simply absent.
 */
import type { Polygon, ResourceKind } from '../model.js';
import type { ResourceStatus } from '../state/types.js';

export type QuotationStatus = 'SENT' | 'ACCEPTED' | 'REFUSED' | 'EXPIRED';

export interface RemoteQuotation {
  id: string;
  /** The quoted total; null when the vendor has not priced it yet. */
  amount: number | null;
  currency: string | null;
  status: QuotationStatus;
  /** ISO date-time: `quotationEndOfValidityDate`. */
  validUntil?: string;
  /** Set once accepted. */
  salesOrderId?: string;
  /** The contract the quotation belongs to (its spend counts against that contract's credit). */
  contractId?: string;
}

export interface RemoteObservation {
  exists: boolean;
  /**
   * How it was found: by the id state records, or — for a resource state does not hold or holds as an
   * intent — by the reference it was created with (an order's customer reference; an alert's marker:
   * created by this API user with exactly this spec, see docs/apply.md).
   */
  foundBy?: 'id' | 'reference';
  /** Orders: the reference the vendor holds it under (an old key's, for a renamed order found without state). */
  reference?: string;
  /** An order found by reference: the product type the vendor shows (its provider checks it against the declared spec). */
  productTypeId?: string;
  contractId?: string;
  status?: ResourceStatus;
  /** The vendor's own words on that status (e.g. why an order failed), shown with a status change. */
  statusDetail?: string;
  /** Alerts: the current name (a rename done outside orderform shows here). */
  name?: string;
  /** Orders placed through a quotation, and quotation decisions on an external quotation id. */
  quotation?: RemoteQuotation;
  salesOrderId?: string;
  orderId?: string;
  alertId?: string;
  /**
   * The remote object as the vendor shows it, in its provider's terms (alerts: field-level drift; orders
   * found by reference: what the provider compares with the declared spec before adopting).
   */
  observedSpec?: unknown;
}

/** What an order bought, as far as its vendor shows it: each catalog item (acquisition) with the AOI it covers. */
export interface Footprint {
  itemId: string;
  /** Null: the whole item (no AOI sent, or none shown). */
  geometry: Polygon | null;
}

/**
 * An order a vendor list shows, whoever placed it and whatever declares it: refresh reads these lists
 * anyway, so plan can compare a new order with every order already at the vendor without one more call.
 */
export interface ListedOrder {
  kind: ResourceKind;
  /** The reference it was placed with (an order placed without one is not listed). */
  reference: string;
  /** Its vendor id for people, as its provider words it (as in `Adoption.vendorId`). */
  vendorId: string;
  /** As refresh would report it under an address holding its reference: what an adoption records. */
  observation: RemoteObservation;
  /** What it bought, when the vendor shows it (absent: not shown, never compared). */
  footprints?: Footprint[];
}

export interface RemoteView {
  /** Keyed by address. Absent: not looked up (state is taken as it stands). */
  resources: Record<string, RemoteObservation>;
  /** Every order the lists refresh read show (absent: none read). */
  listed?: ListedOrder[];
}

export function emptyRemoteView(): RemoteView {
  return { resources: {} };
}
