/** What the sandbox remembers of a OneAtlas legacy order or Pléiades Neo quotation (persisted in the store). */
import type { AcquisitionType, Mission } from '../catalog.js';
import type { Polygon } from '../geo.js';

export interface WorkOrderLineRecord {
  orderItemId: string;
  productTypeId: string;
  mission: Mission;
  catalogItemId: string;
  acquisitionType: AcquisitionType;
  aoiId: number;
  aoiName: string;
  /** The AOI, or the item's footprint for a fullStrip line. */
  geometry: Polygon;
  areaKm2: number;
  chargedAreaKm2: number;
  minimumApplied: boolean;
  amount: number;
  options: Record<string, string>;
}

export interface WorkOrderRecord {
  kind: 'legacy-order' | 'neo-quotation';
  contractId: string;
  customerReference: string;
  primaryMarket: string;
  secondaryMarket?: string;
  endUsers: { endUserName: string; country: string }[];
  deliveryType: string;
  currency: string;
  totalAmount: number;
  quotationId?: string;
  salesOrderId?: string;
  createdAt: string;
  quotationEndOfValidityDate?: string;
  decision?: { status: 'ACCEPTED' | 'REFUSED'; at: string; rejectionReasonId?: number };
  /** Legacy: creation; Neo: acceptance. Delivery is due `deliveryDelayMs` later. */
  orderCreationDate?: string;
  lines: WorkOrderLineRecord[];
}
