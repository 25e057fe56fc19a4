/**
 * Maxar ARD JSON exactly as the vendor sends and expects it (seed 004, Maxar's ARD API reference pages
 * and its Python SDK `max_ard`; docs/wire-contract.md names the source of every field), and the readers
 * that check an answer's required fields. Domain types never appear here.
 */
import type { Polygon } from '../../model.js';
import { WireReader } from '../wire-read.js';

/** AUTH docs: `{access_token, token_type: "Bearer", expires_in: 43200, refresh_token}`. */
export interface WireToken {
  access_token: string;
  expires_in: number;
  token_type?: string;
  refresh_token?: string;
}

/** `GET /auth/self` (SDK session.py get_self: `["user"]["account_id"]`, admin.py `["user"]["user_id"]`). */
export interface WireSelf {
  user: { user_id: string; account_id: string; username?: string; admin?: boolean };
}

/** `-1` or null: no limit; `0`: the category cannot be ordered (seed). */
export type WireLimit = number | null;

export interface WireLimits {
  annual_subscription_fee_limit?: WireLimit;
  fresh_imagery_fee_limit?: WireLimit;
  standard_imagery_fee_limit?: WireLimit;
  training_imagery_fee_limit?: WireLimit;
  tasking_imagery_fee_limit?: WireLimit;
}

/** Seed 004, `GET /admin/account/{account_id}`. */
export interface WireAccount {
  account: {
    account_id: string;
    name?: string;
    active?: boolean;
    pricing: { fresh_imagery_price: number; standard_imagery_price: number; training_imagery_price: number; tasking_imagery_price?: number };
    limits: WireLimits;
  };
}

/** SDK base_collections.py UsageArea. */
export interface WireUsageArea {
  fresh_imagery_sqkm: number;
  standard_imagery_sqkm: number;
  training_imagery_sqkm: number;
  tasking_imagery_sqkm?: unknown;
  total_imagery_sqkm: number;
  estimate?: boolean;
}

/** SDK base_collections.py UsageCost: null means the account has no pricing for that category. */
export interface WireUsageCost {
  fresh_imagery_cost: number | null;
  standard_imagery_cost: number | null;
  training_imagery_cost: number | null;
  tasking_imagery_cost?: unknown;
  total_imagery_cost: number | null;
  estimate?: boolean;
}

/** `usage` of a dry-run order, an order's status, the usage resource and a select. */
export interface WireUsage {
  area: WireUsageArea;
  cost: WireUsageCost;
  limits?: WireLimits;
  available?: Record<string, number>;
  usage_as_of?: string;
}

/** USAGE docs: `GET /usage/account/{account_id}` → `{account_id, usage: {area, cost, limits, available}}`. */
export interface WireAccountUsage {
  account_id?: string;
  usage: WireUsage;
}

/** A tile of cell metadata (META docs; SDK select.py SelectTile reads these properties). */
export interface WireTile {
  type?: 'Feature';
  geometry?: Polygon;
  properties: {
    acquisition_id: string;
    date: string;
    datetime?: string;
    cell_id?: string;
    'tile:zone'?: number;
    'tile:quadkey'?: string;
    platform?: string;
    'aoi:cloud_free_percentage'?: number;
    [k: string]: unknown;
  };
}

export interface WireTileCollection {
  type?: 'FeatureCollection';
  features: WireTile[];
}

export type WireOutputConfig = Record<string, Record<string, string>>;

export type WireNotification = { type: 'email'; address: string } | { type: 'sns'; topic_arn: string };

/** `POST /order` body (ORD-REF; SDK order.py OrderRequest). */
export interface WireOrderRequest {
  acquisitions: string[];
  intersects: Polygon;
  output_config: WireOutputConfig;
  settings: Record<string, boolean>;
  notifications?: WireNotification[];
  metadata: { reference: string };
  dry_run?: boolean;
}

/** Status values the SDK names: RUNNING, SUCCEEDED, and FAILED / ERROR for a failed order (order.py). */
export type WireOrderStatusValue = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ERROR';

/** `GET /order/status/{id}` and each listed order (SDK order.py OrderResponse; `order.*` [I] beyond `usage`). */
export interface WireOrder {
  id: string;
  status: WireOrderStatusValue | string;
  status_message?: string | null;
  user_id?: string;
  date_created?: string;
  order?: {
    metadata?: unknown;
    /** The order's request as placed (REQ-JSON: a delivered order keeps its request) [I: echoed in the listing]. */
    acquisitions?: unknown[];
    intersects?: unknown;
    settings?: Record<string, unknown>;
    output_config?: WireOutputConfig;
    usage?: WireUsage;
  };
}

/** Every paginated ARD list (SDK session.py paginated_response): `{data, has_more}`. */
export interface WireOrderList {
  data: WireOrder[];
  has_more: boolean;
}

/** Query parameters of both order listings (seed 004; SDK order.py list_orders). */
export interface WireOrderQuery {
  start_date?: string;
  end_date?: string;
  starting_after?: string;
  ending_before?: string;
  /** `field:value`, repeatable, nested with `.` (e.g. `metadata.reference:X`). */
  filter?: string[];
  limit?: number;
  sort?: 'asc' | 'desc';
  /** Account listing only. */
  user_id?: string;
}

/** `POST /select` body (SELECT docs; SDK select.py SelectRequest). */
export interface WireSelectRequest {
  intersects: Polygon;
  datetime?: string;
  stack_depth?: number;
  image_age_category?: string[];
  query?: Record<string, unknown>;
}

/** SDK select.py SelectResponse. */
export interface WireSelect {
  id: string;
  status: string;
  usage?: WireUsage;
  unique_acquisitions?: number;
  links?: Record<string, string>;
  error_message?: Record<string, string> | null;
}

const at = (call: string): WireReader => new WireReader(`Maxar ARD ${call}`);

export function readToken(body: unknown): WireToken {
  return at('POST /api/v1/auth/authenticate').fields<WireToken>(body, '', { access_token: 'string', expires_in: 'numeric' });
}

export function readSelf(body: unknown): WireSelf {
  const r = at('GET /api/v1/auth/self');
  const res = r.fields<WireSelf>(body, '', { user: 'object' });
  r.fields(res.user, 'user', { user_id: 'string', account_id: 'string' });
  return res;
}

export function readAccount(body: unknown): WireAccount {
  const r = at('GET /api/v1/admin/account/{id}');
  const res = r.fields<WireAccount>(body, '', { account: 'object' });
  r.fields(res.account, 'account', { account_id: 'string', pricing: 'object', limits: 'object' });
  r.fields(res.account.pricing, 'account.pricing', { fresh_imagery_price: 'number', standard_imagery_price: 'number', training_imagery_price: 'number' });
  return res;
}

/** `usage.cost` numbers are required where the caller relies on them (an estimate, spent so far). */
function readUsage(r: WireReader, value: unknown, path: string): WireUsage {
  const u = r.fields<WireUsage>(value, path, { area: 'object', cost: 'object' });
  r.fields(u.cost, `${path}.cost`, { total_imagery_cost: 'number' });
  return u;
}

export function readAccountUsage(body: unknown): WireAccountUsage {
  const r = at('GET /api/v1/usage/account/{id}');
  const res = r.fields<WireAccountUsage>(body, '', { usage: 'object' });
  readUsage(r, res.usage, 'usage');
  return res;
}

/** The dry run's `{usage}` (SDK order.py submit: `order={"usage": response["usage"]}`). */
export function readEstimate(body: unknown): WireUsage {
  const r = at('POST /api/v1/order (dry_run)');
  return readUsage(r, r.fields<{ usage: unknown }>(body, '', { usage: 'object' }).usage, 'usage');
}

export function readTiles(body: unknown): WireTileCollection {
  const r = at('POST /api/v1/metadata/cells/acquisitions');
  const res = r.fields<WireTileCollection>(body, '', { features: 'array' });
  res.features.forEach((f, i) => r.fields(r.fields<WireTile>(f, `features[${i}]`, { properties: 'object' }).properties, `features[${i}].properties`, { acquisition_id: 'string', date: 'string' }));
  return res;
}

/** A placed order's answer: its top-level `id` (SDK order.py submit: `id=response["id"]`). */
export function readPlaced(body: unknown): { id: string; status?: string } {
  return at('POST /api/v1/order').fields<{ id: string; status?: string }>(body, '', { id: 'string' });
}

export function readOrder(body: unknown, call = 'GET /api/v1/order/status/{id}'): WireOrder {
  return at(call).fields<WireOrder>(body, '', { id: 'string', status: 'string' });
}

export function readOrderList(body: unknown, call: string): WireOrderList {
  const r = at(call);
  const res = r.fields<WireOrderList>(body, '', { has_more: 'boolean' });
  r.list(res, '', 'data', { id: 'string', status: 'string' });
  return res;
}

export function readSelect(body: unknown, call: string): WireSelect {
  return at(call).fields<WireSelect>(body, '', { id: 'string', status: 'string' });
}

export function readDownloadLink(body: unknown): { download_link: string } {
  return at('GET /api/v1/select/files/{file}').fields<{ download_link: string }>(body, '', { download_link: 'string' });
}
