/**
 * Maxar ARD conversions: domain specs → wire bodies, wire answers → observations (pricing, limits,
 * spent so far, the dry-run estimate as a price, order status). Pure functions.
 */
import type { MaxarOrderSpec, Polygon } from '../../model.js';
import type { FeeCategory } from '../../core/change.js';
import type { ResourceStatus } from '../../state/types.js';
import type { MaxarPricing } from './pricing.js';
import type { WireAccount, WireAccountUsage, WireLimit, WireOrder, WireOrderRequest, WireUsage } from './wire.js';

export type LimitName = FeeCategory | 'annual';

export interface AccountInfo {
  accountId: string;
  active: boolean;
  pricing: MaxarPricing;
  taskingPrice?: number;
  /** Null: no limit. 0: the category cannot be ordered. */
  limits: Record<LimitName, number | null>;
}

export interface MaxarOrderObservation {
  orderId: string;
  reference?: string;
  status: ResourceStatus;
  /** The vendor's words, e.g. FAILED and its status_message. */
  vendorStatus: string;
  statusMessage?: string;
  /** What the listing shows of its request: compared with a declared spec, and with new orders (already owned). */
  shown: MaxarOrderShown;
}

export interface MaxarOrderShown {
  /** Acquisition ids, sorted (an `{id, cells}` entry by its id). */
  acquisitions: string[];
  /** Null: not shown (or not a polygon). */
  geometry: Polygon | null;
  bundleAdjust?: boolean;
}

function shownOf(o: WireOrder['order']): MaxarOrderShown {
  const ids = (o?.acquisitions ?? []).flatMap((a) => (typeof a === 'string' ? [a] : typeof a === 'object' && a !== null && typeof (a as { id?: unknown }).id === 'string' ? [(a as { id: string }).id] : []));
  const g = o?.intersects as { type?: unknown; coordinates?: unknown } | undefined;
  const geometry = g && g.type === 'Polygon' && Array.isArray(g.coordinates) ? (g as Polygon) : null;
  const bundle = o?.settings?.bundle_adjust;
  return { acquisitions: [...new Set(ids)].sort(), geometry, ...(typeof bundle === 'boolean' ? { bundleAdjust: bundle } : {}) };
}

/** The order body; `secret` reads an output write secret from the variable the config names. */
export function toOrderRequest(spec: MaxarOrderSpec, secret: (variable: string) => string): WireOrderRequest {
  if (!spec.aoi.geometry) throw new Error(`${spec.address}: a Maxar order needs an AOI geometry`);
  // SDK order.py: every destination model declares `prefix: str` without a default, so "" is sent when none is set.
  const output = Object.fromEntries(
    Object.entries(spec.outputConfig).map(([kind, dest]) => [
      kind,
      { prefix: '', ...dest, ...(spec.outputSecret ? { [spec.outputSecret.field]: secret(spec.outputSecret.env) } : {}) },
    ]),
  );
  return {
    acquisitions: [...spec.acquisitions],
    intersects: spec.aoi.geometry,
    output_config: output,
    // ORD-GUIDE 2022-12 and SDK order.py ("bba to be moved to settings"): bundle adjustment is a setting.
    settings: { ...spec.settings, bundle_adjust: spec.bundleAdjust },
    ...(spec.notifications.length ? { notifications: spec.notifications } : {}),
    metadata: { reference: spec.customerReference },
  };
}

/** `-1`, null or absent: no limit (seed). */
function limit(v: WireLimit | undefined): number | null {
  return v === undefined || v === null || v < 0 ? null : v;
}

export function fromAccount(w: WireAccount): AccountInfo {
  const a = w.account;
  return {
    accountId: a.account_id,
    active: a.active ?? true,
    pricing: { fresh: a.pricing.fresh_imagery_price, standard: a.pricing.standard_imagery_price, training: a.pricing.training_imagery_price },
    ...(typeof a.pricing.tasking_imagery_price === 'number' ? { taskingPrice: a.pricing.tasking_imagery_price } : {}),
    limits: {
      annual: limit(a.limits.annual_subscription_fee_limit),
      fresh: limit(a.limits.fresh_imagery_fee_limit),
      standard: limit(a.limits.standard_imagery_fee_limit),
      training: limit(a.limits.training_imagery_fee_limit),
      tasking: limit(a.limits.tasking_imagery_fee_limit),
    },
  };
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Cost per fee category of a `usage` object (null: the account has no pricing for it, nothing spent there). */
export function costByCategory(u: WireUsage): Record<FeeCategory, number> {
  return {
    fresh: num(u.cost.fresh_imagery_cost),
    standard: num(u.cost.standard_imagery_cost),
    training: num(u.cost.training_imagery_cost),
    tasking: num(u.cost.tasking_imagery_cost),
  };
}

/** Spent so far (USAGE docs): per category, and against the annual limit the archive categories' total. */
export function fromUsage(w: WireAccountUsage): Record<LimitName, number> {
  const c = costByCategory(w.usage);
  return { ...c, annual: num(w.usage.cost.total_imagery_cost) - c.tasking };
}

/** SDK order.py: running `RUNNING`, succeeded `SUCCEEDED`, failed `FAILED` or `ERROR`. */
const ORDER_STATUS: Record<string, ResourceStatus> = {
  RUNNING: 'in-progress',
  SUCCEEDED: 'delivered',
  FAILED: 'failed',
  ERROR: 'failed',
};

/** An undocumented status is taken as still running [I]: the order exists, so nothing is bought again. */
export function fromOrder(w: WireOrder): MaxarOrderObservation {
  const meta = w.order?.metadata;
  const reference = typeof meta === 'object' && meta !== null && typeof (meta as { reference?: unknown }).reference === 'string' ? (meta as { reference: string }).reference : undefined;
  return {
    orderId: w.id,
    ...(reference ? { reference } : {}),
    status: ORDER_STATUS[w.status] ?? 'in-progress',
    vendorStatus: w.status,
    ...(w.status_message ? { statusMessage: w.status_message } : {}),
    shown: shownOf(w.order),
  };
}
