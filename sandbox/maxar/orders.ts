/**
 * `POST /api/v1/order` (ORD-REF, ORD-GUIDE, SDK order.py): acquisitions (ids or `{id, cells}`) or a
 * select_id, clipped by intersects/bbox; output_config with cloud write credentials; settings;
 * notifications; free metadata; `dry_run: true` validates and answers `{usage}` without placing anything.
 * A placed order answers its top-level `id`. `GET /api/v1/order/status/{order_id}` → the order view.
 * The account's fee limits are enforced on both (seed: "If an imagery order will surpass the set limits, it
 * will return an error and will not be placed"; [I] 400 `{message}`, the code the SDK special-cases).
 */
import { json, type Handler, type Route, type Sim } from '../context.js';
import { hostError, isObject, jsonObject } from '../errors.js';
import type { Polygon } from '../geo.js';
import type { MaxarLimitName } from '../knobs.js';
import { round2 } from '../money.js';
import { limits, spentThisYear } from './account.js';
import { caller } from './auth.js';
import { CATEGORIES, chargeOf, covered, usageView } from './charge.js';
import { requestArea } from './geometry.js';
import type { Category, Charge, MaxarOrderRecord } from './order-records.js';
import { selectionOf } from './select.js';
import { ACCOUNT_ID, ACQUISITIONS, orderId, type AcquisitionSeed } from './seed.js';

export type OrderStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ERROR';

/** RUNNING until the delivery delay has passed, then its final status. */
export function statusOf(o: MaxarOrderRecord, sim: Sim): OrderStatus {
  if (o.seeded) return o.final;
  return sim.now().getTime() - Date.parse(o.date_created) >= sim.knobs.deliveryDelayMs ? o.final : 'RUNNING';
}

const MESSAGES: Record<OrderStatus, string> = {
  RUNNING: 'Order submitted and running.',
  SUCCEEDED: 'Order completed successfully.',
  FAILED: 'Order failed: one or more acquisitions could not be processed.', // [I]
  ERROR: 'Order failed: an error occurred while processing.', // [I]
};

/** [I] An order as the status call and the listings show it (SDK OrderResponse: id, status, status_message, order.usage). */
export function orderView(o: MaxarOrderRecord, sim: Sim) {
  const status = statusOf(o, sim);
  const usage = usageView(o.usage, false);
  return {
    id: o.id,
    status,
    status_message: MESSAGES[status],
    account_id: o.account_id,
    user_id: o.user_id,
    date_created: o.date_created,
    order: { ...o.request, bundle_adjust: o.request.settings.bundle_adjust === true, date_created: o.date_created, usage },
  };
}

function invalid(message: string) {
  return hostError('maxar', 400, 'BAD_REQUEST', message);
}

/** Where each destination writes and which write credential it needs (SDK order.py *_Config; GCS/AZ setup docs). */
const DESTINATIONS: Record<string, { place: string; secrets: string[] }> = {
  amazon_s3: { place: 'bucket', secrets: [] },
  google_cloud_storage: { place: 'bucket', secrets: ['service_credentials', 'credentials_id'] },
  azure_blob_storage: { place: 'container', secrets: ['sas_url', 'credentials_id'] },
};
/** Never echoed back [I]. */
const SECRET_FIELDS = ['service_credentials', 'sas_url'];

function outputConfig(value: unknown): Record<string, Record<string, unknown>> {
  const keys = isObject(value) ? Object.keys(value) : [];
  const kind = keys[0];
  const spec = kind === undefined ? undefined : DESTINATIONS[kind];
  if (keys.length !== 1 || !spec) throw invalid(`output_config must hold exactly one of ${Object.keys(DESTINATIONS).join(', ')}`);
  const dest = (value as Record<string, unknown>)[kind as string];
  if (!isObject(dest) || typeof dest[spec.place] !== 'string' || dest[spec.place] === '') throw invalid(`output_config.${kind}.${spec.place} is required`);
  if (typeof dest.prefix !== 'string') throw invalid(`output_config.${kind}.prefix is required (it may be "")`); // SDK: prefix: str, no default
  if (!Object.values(dest).every((v) => typeof v === 'string')) throw invalid(`output_config.${kind} values must be strings`);
  if (spec.secrets.length && !spec.secrets.some((k) => typeof dest[k] === 'string' && dest[k] !== '')) {
    throw invalid(`output_config.${kind} needs write access: one of ${spec.secrets.join(' or ')}`);
  }
  return { [kind as string]: Object.fromEntries(Object.entries(dest).filter(([k]) => !SECRET_FIELDS.includes(k))) };
}

const SETTINGS = ['bundle_adjust', 'cloud_mask', 'data_mask', 'healthy_vegetation_mask', 'ms_analytic', 'ms_saturation_mask', 'pan_analytic', 'pan_flare_mask', 'terrain_shadow_mask', 'visual', 'water_mask'];

function settings(value: unknown): Record<string, boolean> {
  if (value === undefined) return { bundle_adjust: false };
  if (!isObject(value)) throw invalid('settings must be an object');
  for (const [k, v] of Object.entries(value)) {
    if (!SETTINGS.includes(k)) throw invalid(`settings.${k} is not a known setting`);
    if (typeof v !== 'boolean') throw invalid(`settings.${k} must be a boolean`);
  }
  return { bundle_adjust: false, ...(value as Record<string, boolean>) };
}

function notifications(value: unknown): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid('notifications must be a list');
  for (const n of value) {
    const ok = isObject(n) && ((n.type === 'email' && typeof n.address === 'string') || (n.type === 'sns' && typeof n.topic_arn === 'string'));
    if (!ok) throw invalid('each notification is {type: "email", address} or {type: "sns", topic_arn}');
  }
  return value;
}

function acquisitionsOf(value: unknown): { seeds: AcquisitionSeed[]; wire: MaxarOrderRecord['request']['acquisitions'] } {
  if (!Array.isArray(value) || value.length === 0) throw invalid('acquisitions must be a non-empty list of ids or {id, cells}');
  const seeds = value.map((v) => {
    const id = typeof v === 'string' ? v : isObject(v) && typeof v.id === 'string' ? v.id : undefined;
    if (id === undefined) throw invalid('acquisitions must be a non-empty list of ids or {id, cells}');
    const a = ACQUISITIONS.find((x) => x.acquisition_id === id);
    if (!a) throw invalid(`Acquisition ${id} was not found`);
    const cells = isObject(v) ? v.cells : undefined;
    if (cells !== undefined && (!Array.isArray(cells) || !cells.every((c) => c === a.cell_id))) throw invalid(`acquisition ${id} has no tile in the cells given`);
    return a;
  });
  return { seeds, wire: value as MaxarOrderRecord['request']['acquisitions'] };
}

const LIMIT_OF: Record<Category, MaxarLimitName> = { fresh: 'fresh_imagery_fee_limit', standard: 'standard_imagery_fee_limit', training: 'training_imagery_fee_limit' };

/** Refuses an order that would pass a category limit or the annual limit, or uses a category limited to 0. */
function checkLimits(sim: Sim, add: Charge): void {
  const lim = limits(sim);
  const used = spentThisYear(sim);
  const refused = (message: string) => hostError('maxar', sim.knobs.maxarLimitStatus, 'LIMIT', message);
  const over = (name: MaxarLimitName, spentSoFar: number, more: number): string | undefined => {
    const l = lim[name];
    if (more <= 0) return undefined;
    if (l === 0) return `Your account cannot order this imagery: ${name} is 0`;
    if (l !== null && l > 0 && round2(spentSoFar + more) > l) return `Order exceeds ${name} of ${l} (used ${spentSoFar}, this order ${more})`;
    return undefined;
  };
  for (const c of CATEGORIES) {
    const problem = over(LIMIT_OF[c], used.cost[c], add.cost[c]);
    if (problem) throw refused(problem);
  }
  const sum = (r: Record<Category, number>) => round2(CATEGORIES.reduce((s, c) => s + r[c], 0));
  const annual = over('annual_subscription_fee_limit', sum(used.cost), sum(add.cost));
  if (annual) throw refused(annual);
}

const place: Handler = (req, sim) => {
  const user = caller(req, sim);
  const body = jsonObject(req, 'maxar');
  if (body.dry_run !== undefined && typeof body.dry_run !== 'boolean') throw invalid('dry_run must be a boolean');
  if (body.select_id !== undefined && body.acquisitions !== undefined) throw invalid('If using select_id, you cannot use acquisitions');
  let area: Polygon | undefined;
  let chosen: ReturnType<typeof acquisitionsOf>;
  if (body.select_id !== undefined) {
    if (body.intersects !== undefined || body.bbox !== undefined) throw invalid('If ordering by select_id, do not include an AOI');
    const sel = selectionOf(String(body.select_id), sim);
    area = sel.area;
    chosen = { seeds: sel.tiles, wire: sel.tiles.map((t) => t.acquisition_id) };
  } else {
    chosen = acquisitionsOf(body.acquisitions);
    area = requestArea(body);
  }
  // [I] without an AOI every tile of the acquisitions is ordered: its whole footprint.
  for (const a of chosen.seeds) if (area && !covered(area, a)) throw invalid(`Problem with intersects/bbox: it does not overlap acquisition ${a.acquisition_id}`);
  const request: MaxarOrderRecord['request'] = {
    acquisitions: chosen.wire,
    ...(area ? { intersects: area } : {}),
    output_config: outputConfig(body.output_config),
    settings: settings(body.settings),
    notifications: notifications(body.notifications),
    metadata: body.metadata ?? {},
  };
  const now = sim.now();
  const charge = chargeOf(chosen.seeds, area, now);
  checkLimits(sim, charge);
  if (body.dry_run === true) return json(200, { usage: usageView(charge, true) });
  const order: MaxarOrderRecord = {
    id: orderId(sim.store.next('maxarOrder')),
    account_id: ACCOUNT_ID,
    user_id: user.user_id,
    date_created: now.toISOString(),
    request,
    usage: charge,
    final: chosen.seeds.some((a) => a.fails) ? sim.knobs.maxarFailStatus : 'SUCCEEDED',
  };
  sim.store.data.maxarOrders.push(order);
  sim.store.commit();
  return json(200, orderView(order, sim));
};

/** [I] Any user of the account may read any of its orders. */
const status: Handler = (req, sim) => {
  caller(req, sim);
  const order = sim.store.data.maxarOrders.find((o) => o.id === req.params.order_id);
  if (!order) throw hostError('maxar', 404, 'NOT_FOUND', `Order ${req.params.order_id} not found`);
  return json(200, orderView(order, sim));
};

/** Counted apart as `POST /api/v1/order (dry run)`: it places nothing. */
function isDryRun(raw: Buffer): boolean {
  try {
    const body: unknown = JSON.parse(raw.toString('utf8'));
    return isObject(body) && body.dry_run === true;
  } catch {
    return false;
  }
}

export const maxarOrderRoutes: Route[] = [
  { method: 'POST', template: '/api/v1/order', host: 'maxar', handler: place, variant: (_q, raw) => (isDryRun(raw) ? 'dry run' : undefined) },
  { method: 'GET', template: '/api/v1/order/status/{order_id}', host: 'maxar', handler: status },
];
