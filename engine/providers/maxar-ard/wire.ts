/**
 * Maxar ARD JSON exactly as the vendor sends and expects it (seed + docs/wire-contract.md), and the
 * readers that check an answer's documented required fields. Domain types never appear here.
 */
import type { Polygon } from '../../model.js';
import { WireReader, type FieldKind } from '../wire-read.js';

export interface WireToken {
  access_token: string;
  expires_in: number;
  token_type?: string;
}

/** `-1` or null: no limit; `0`: the category cannot be ordered. */
export type WireLimit = number | null;

export interface WireFees {
  annual_subscription_fee?: number;
  fresh_imagery_fee?: number;
  standard_imagery_fee?: number;
  training_imagery_fee?: number;
  tasking_imagery_fee?: number;
}

export interface WireAccountBody {
  account_id: string;
  name?: string;
  sap?: string;
  contract_start?: string;
  contract_end?: string;
  active?: boolean;
  pricing: {
    fresh_imagery_price: number;
    standard_imagery_price: number;
    training_imagery_price: number;
    tasking_imagery_price?: number;
  };
  limits: {
    annual_subscription_fee_limit?: WireLimit;
    fresh_imagery_fee_limit?: WireLimit;
    standard_imagery_fee_limit?: WireLimit;
    training_imagery_fee_limit?: WireLimit;
    tasking_imagery_fee_limit?: WireLimit;
  };
  /** Spent so far this contract year (sandbox assumption; may sit beside `account`). */
  usage?: WireFees;
}

export interface WireAccount {
  account: WireAccountBody;
  usage?: WireFees;
  links?: Record<string, string>;
  response_timestamp?: string;
}

export interface WireAcquisition {
  acquisition_id: string;
  /** ISO date of acquisition: decides the age category. */
  acquired: string;
  footprint?: Polygon;
}

export type WireOutputConfig = Record<string, Record<string, string>>;

export interface WireOrderRequest {
  acquisitions: string[];
  intersects: Polygon;
  bundle_adjust: boolean;
  output_config: WireOutputConfig;
  metadata: { reference: string };
}

export type WireOrderStatus = 'RECEIVED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface WireOrder {
  order_id: string;
  account_id?: string;
  user_id?: string;
  status: WireOrderStatus | string;
  date_created?: string;
  acquisitions?: string[];
  intersects?: Polygon;
  bundle_adjust?: boolean;
  output_config?: WireOutputConfig;
  metadata?: { reference?: string };
  area_km2?: number;
  cost?: { amount: number; currency: string; category?: string };
}

export interface WireOrderList {
  orders: WireOrder[];
  has_more: boolean;
  response_timestamp?: string;
}

/** Query parameters of the account order listing (seed). */
export interface WireOrderQuery {
  start_date?: string;
  end_date?: string;
  starting_after?: string;
  ending_before?: string;
  /** `field:value`, repeatable, nested with `.` (e.g. `metadata.reference:X`). */
  filter?: string[];
  limit?: number;
  sort?: 'asc' | 'desc';
  user_id?: string;
}

const ORDER: Record<string, FieldKind> = { order_id: 'string', status: 'string' };

const at = (call: string): WireReader => new WireReader(`Maxar ARD ${call}`);

export function readToken(body: unknown): WireToken {
  return at('token').fields<WireToken>(body, '', { access_token: 'string', expires_in: 'numeric' });
}

export function readAccount(body: unknown): WireAccount {
  const r = at('GET /api/v1/admin/account/{id}');
  const res = r.fields<WireAccount>(body, '', { account: 'object' });
  r.fields(res.account, 'account', { account_id: 'string', pricing: 'object', limits: 'object' });
  r.fields(res.account.pricing, 'account.pricing', {
    fresh_imagery_price: 'number',
    standard_imagery_price: 'number',
    training_imagery_price: 'number',
  });
  return res;
}

export function readAcquisition(body: unknown): WireAcquisition {
  return at('GET /api/v1/acquisition/{id}').fields<WireAcquisition>(body, '', { acquisition_id: 'string', acquired: 'string' });
}

/** `{order: Order}` from placing or fetching an order. */
export function readOrderEnvelope(body: unknown, call: string): WireOrder {
  const r = at(call);
  const res = r.fields<{ order: WireOrder }>(body, '', { order: 'object' });
  return r.fields<WireOrder>(res.order, 'order', ORDER);
}

export function readOrderList(body: unknown): WireOrderList {
  const r = at('GET /api/v1/admin/account/{id}/order');
  const res = r.fields<WireOrderList>(body, '', { has_more: 'boolean' });
  r.list(res, '', 'orders', ORDER);
  return res;
}
