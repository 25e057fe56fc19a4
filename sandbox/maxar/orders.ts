/**
 * Maxar ARD order placement and lookup. Cost = AOI km² (geodesic) × the price of each acquisition's age
 * category at order time; the account's fee limits are enforced before anything is stored (422).
 */
import { requireToken } from '../auth.js';
import { json, type Handler, type Route, type Sim } from '../context.js';
import { hostError, isObject, jsonObject } from '../errors.js';
import { areaKm2, intersects, polygonProblem, type Polygon } from '../geo.js';
import type { MaxarLimitName } from '../knobs.js';
import { round2 } from '../money.js';
import { limits, usage } from './account.js';
import type { Category, MaxarOrderRecord } from './order-records.js';
import { ACCOUNT_ID, ACQUISITIONS, acquiredAt, categoryOf, orderId, PRICE_OF, USER_ID } from './seed.js';

export type OrderStatus = 'RECEIVED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** RECEIVED for the first third of the delivery delay, RUNNING until it ends, then SUCCEEDED. */
export function statusOf(o: MaxarOrderRecord, sim: Sim): OrderStatus {
  if (o.seeded) return 'SUCCEEDED';
  const age = sim.now().getTime() - Date.parse(o.date_created);
  const delay = sim.knobs.deliveryDelayMs;
  if (age >= delay) return 'SUCCEEDED';
  return age >= delay / 3 ? 'RUNNING' : 'RECEIVED';
}

export function orderView(o: MaxarOrderRecord, sim: Sim, status = statusOf(o, sim)) {
  const { seeded: _seeded, ...wire } = o;
  return { ...wire, status };
}

function invalid(message: string) {
  return hostError('maxar', 400, 'VALIDATION_ERROR', message);
}

const DESTINATIONS: Record<string, string> = { amazon_s3: 'bucket', google_cloud_storage: 'bucket', azure_blob_storage: 'container' };

function outputConfig(value: unknown): Record<string, Record<string, string>> {
  const keys = isObject(value) ? Object.keys(value) : [];
  const kind = keys[0];
  if (keys.length !== 1 || kind === undefined || !(kind in DESTINATIONS)) {
    throw invalid(`output_config must hold exactly one of ${Object.keys(DESTINATIONS).join(', ')}`);
  }
  const dest = (value as Record<string, unknown>)[kind];
  const field = DESTINATIONS[kind] as string;
  if (!isObject(dest) || typeof dest[field] !== 'string' || dest[field] === '') throw invalid(`output_config.${kind}.${field} is required`);
  if (!Object.values(dest).every((v) => typeof v === 'string')) throw invalid(`output_config.${kind} values must be strings`);
  return { [kind]: dest as Record<string, string> };
}

function stringMap(value: unknown, name: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isObject(value) || !Object.values(value).every((v) => typeof v === 'string')) throw invalid(`${name} must be an object of strings`);
  return value as Record<string, string>;
}

/** 422 when the order would pass a category limit, the annual limit, or uses a category limited to 0. */
function checkLimits(sim: Sim, adds: Partial<Record<Category, number>>, total: number): void {
  const lim = limits(sim);
  const used = usage(sim);
  const exceeded = (name: MaxarLimitName, spent: number, add: number): string | undefined => {
    const l = lim[name];
    if (l === 0) return `${name} is 0: this category cannot be ordered`;
    if (l !== null && l > 0 && spent + add > l) return `${name} ${l} USD would be passed (spent ${spent}, this order ${add})`;
    return undefined;
  };
  for (const [cat, add] of Object.entries(adds) as [Category, number][]) {
    const problem = exceeded(`${cat}_imagery_fee_limit`, used[cat], add);
    if (problem) throw hostError('maxar', 422, 'LIMIT_EXCEEDED', problem);
  }
  const annual = exceeded('annual_subscription_fee_limit', used.total, total);
  if (annual) throw hostError('maxar', 422, 'LIMIT_EXCEEDED', annual);
}

const place: Handler = (req, sim) => {
  requireToken(req, sim, 'maxar');
  const body = jsonObject(req, 'maxar');
  if (body.select_id !== undefined) throw invalid('select_id is not simulated; send acquisitions: [ids]');
  const ids = body.acquisitions;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === 'string')) {
    throw invalid('acquisitions must be a non-empty array of acquisition ids');
  }
  const problem = polygonProblem(body.intersects);
  if (problem) throw invalid(`intersects: ${problem}`);
  const aoi = body.intersects as Polygon;
  if (body.bundle_adjust !== undefined && typeof body.bundle_adjust !== 'boolean') throw invalid('bundle_adjust must be a boolean');
  const output = outputConfig(body.output_config);
  const metadata = stringMap(body.metadata, 'metadata');
  if (body.notifications !== undefined && !Array.isArray(body.notifications)) throw invalid('notifications must be an array');
  const now = sim.now();
  const area = round2(areaKm2(aoi));
  const byCategory: Partial<Record<Category, number>> = {};
  for (const id of ids as string[]) {
    const acq = ACQUISITIONS.find((a) => a.acquisition_id === id);
    if (!acq) throw invalid(`unknown acquisition '${id}'`);
    if (!intersects(aoi, acq.footprint)) throw invalid(`intersects does not overlap acquisition ${id}`);
    const cat = categoryOf(acquiredAt(acq, now), now);
    byCategory[cat] = round2((byCategory[cat] ?? 0) + area * PRICE_OF[cat]);
  }
  const total = round2(Object.values(byCategory).reduce((s, v) => s + v, 0));
  checkLimits(sim, byCategory, total);
  const cats = Object.keys(byCategory) as Category[];
  const order: MaxarOrderRecord = {
    order_id: orderId(sim.store.next('maxarOrder')),
    account_id: ACCOUNT_ID,
    user_id: USER_ID,
    date_created: now.toISOString(),
    acquisitions: ids as string[],
    intersects: aoi,
    bundle_adjust: body.bundle_adjust === true,
    output_config: output,
    metadata,
    notifications: (body.notifications as unknown[] | undefined) ?? [],
    area_km2: area,
    cost: { amount: total, currency: 'USD', category: cats.length === 1 ? (cats[0] as Category) : 'mixed', by_category: byCategory },
  };
  sim.store.data.maxarOrders.push(order);
  sim.store.commit();
  return json(201, { order: orderView(order, sim, 'RECEIVED') });
};

const get: Handler = (req, sim) => {
  requireToken(req, sim, 'maxar');
  const order = sim.store.data.maxarOrders.find((o) => o.order_id === req.params.order_id);
  if (!order) throw hostError('maxar', 404, 'NOT_FOUND', `Order '${req.params.order_id}' not found`);
  return json(200, { order: orderView(order, sim) });
};

export const maxarOrderRoutes: Route[] = [
  { method: 'POST', template: '/api/v1/order', host: 'maxar', handler: place },
  { method: 'GET', template: '/api/v1/order/{order_id}', host: 'maxar', handler: get },
];
