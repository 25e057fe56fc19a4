/**
 * Maxar ARD conversions: domain specs → wire bodies, wire answers → observations (pricing, limits
 * and usage for cost checks; order status for state). Pure functions.
 */
import type { MaxarOrderSpec, Money } from '../../model.js';
import type { AgeCategory, MaxarPricing } from '../../plan/cost.js';
import type { FeeCategory } from '../../plan/types.js';
import type { ResourceStatus } from '../../state/types.js';
import { WireFormatError } from '../wire-read.js';
import type { WireAccount, WireAcquisition, WireFees, WireLimit, WireOrder, WireOrderRequest } from './wire.js';

export type LimitName = FeeCategory | 'annual';

export interface AccountInfo {
  accountId: string;
  active: boolean;
  pricing: MaxarPricing;
  taskingPrice?: number;
  /** Null: no limit. 0: the category cannot be ordered. */
  limits: Record<LimitName, number | null>;
  /** Spent so far this contract year (0 when the vendor does not say). */
  usage: Record<LimitName, number>;
}

export interface AcquisitionInfo {
  id: string;
  acquired: Date;
}

export interface MaxarOrderObservation {
  orderId: string;
  reference?: string;
  status: ResourceStatus;
  price?: Money;
  category?: AgeCategory;
}

export function toOrderRequest(spec: MaxarOrderSpec): WireOrderRequest {
  if (!spec.aoi.geometry) throw new Error(`${spec.address}: a Maxar order needs an AOI geometry`);
  return {
    acquisitions: [...spec.acquisitions],
    intersects: spec.aoi.geometry,
    bundle_adjust: spec.bundleAdjust,
    output_config: spec.outputConfig,
    metadata: { reference: spec.customerReference },
  };
}

/** The listing filter that finds an order again by its reference. */
export function referenceFilter(reference: string): string {
  return `metadata.reference:${reference}`;
}

/** `-1`, null or absent: no limit (seed). */
function limit(v: WireLimit | undefined): number | null {
  return v === undefined || v === null || v < 0 ? null : v;
}

export function fromAccount(w: WireAccount): AccountInfo {
  const a = w.account;
  const usage: WireFees = a.usage ?? w.usage ?? {};
  return {
    accountId: a.account_id,
    active: a.active ?? true,
    pricing: {
      fresh: a.pricing.fresh_imagery_price,
      standard: a.pricing.standard_imagery_price,
      training: a.pricing.training_imagery_price,
    },
    ...(typeof a.pricing.tasking_imagery_price === 'number' ? { taskingPrice: a.pricing.tasking_imagery_price } : {}),
    limits: {
      annual: limit(a.limits.annual_subscription_fee_limit),
      fresh: limit(a.limits.fresh_imagery_fee_limit),
      standard: limit(a.limits.standard_imagery_fee_limit),
      training: limit(a.limits.training_imagery_fee_limit),
      tasking: limit(a.limits.tasking_imagery_fee_limit),
    },
    usage: {
      annual: usage.annual_subscription_fee ?? 0,
      fresh: usage.fresh_imagery_fee ?? 0,
      standard: usage.standard_imagery_fee ?? 0,
      training: usage.training_imagery_fee ?? 0,
      tasking: usage.tasking_imagery_fee ?? 0,
    },
  };
}

export function fromAcquisition(w: WireAcquisition): AcquisitionInfo {
  const acquired = new Date(w.acquired);
  if (Number.isNaN(acquired.getTime())) {
    throw new WireFormatError('Maxar ARD GET /api/v1/acquisition/{id}', 'acquired', 'an ISO date');
  }
  return { id: w.acquisition_id, acquired };
}

const ORDER_STATUS: Record<string, ResourceStatus> = {
  RECEIVED: 'in-progress',
  RUNNING: 'in-progress',
  SUCCEEDED: 'delivered',
  FAILED: 'failed',
};

const CATEGORIES: readonly string[] = ['fresh', 'standard', 'training'];

export function fromOrder(w: WireOrder): MaxarOrderObservation {
  const status = ORDER_STATUS[w.status];
  if (!status) throw new WireFormatError('Maxar ARD order', 'order.status', 'RECEIVED, RUNNING, SUCCEEDED or FAILED');
  const category = w.cost?.category;
  return {
    orderId: w.order_id,
    ...(w.metadata?.reference ? { reference: w.metadata.reference } : {}),
    status,
    ...(w.cost && typeof w.cost.amount === 'number' ? { price: { amount: w.cost.amount, currency: w.cost.currency } } : {}),
    ...(category && CATEGORIES.includes(category) ? { category: category as AgeCategory } : {}),
  };
}
