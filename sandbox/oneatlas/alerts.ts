/**
 * AOI alerts on the data host, as the seed lists them: create, list by context, rename (PUT `{name}`
 * only), delete (204). Unknown ids are 404. There is no GET of one alert (the seed lists none): 405.
 * The list answer carries a 0-based `startIndex` (seed); the request's paging is undocumented [I]: the
 * `alertPaging` knob says whether the server reads 1-based `startPage` or 0-based `startIndex`.
 */
import { requireToken } from '../auth.js';
import { json, type Handler, type Route, type Sim, type SimRequest } from '../context.js';
import { hostError, jsonObject } from '../errors.js';
import { polygonProblem, type Polygon } from '../geo.js';
import { closedNumberInterval } from '../intervals.js';
import { uuidFromName } from '../prng.js';
import { CONTRACTS, USER_ID } from './seed.js';

export interface AlertRecord {
  id: string;
  name: string;
  status: 'active';
  context: string;
  constellation: string[];
  productType: string[];
  cloudCover: string;
  incidenceAngle: string;
  geometry: Polygon;
  createdAt: string;
  updatedAt: string;
  triggeredAt: string | null;
  userId: string;
}

export const DEFAULT_ITEMS_PER_PAGE = 10;
export const MAX_ITEMS_PER_PAGE = 100; // [I]
const CONSTELLATIONS = ['SPOT', 'PHR', 'PNEO'];

function view(a: AlertRecord, sim: Sim) {
  return { ...a, _links: { self: { href: `${sim.baseUrl}/api/v1/alerts/${a.id}` } } };
}

function bad(message: string) {
  return hostError('data', 400, 'INVALID_PARAMETER', message);
}

function stringList(value: unknown, name: string, allowed?: string[]): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw bad(`${name} must be a non-empty array of strings`);
  }
  const unknown = allowed ? value.filter((v) => !allowed.includes(v)) : [];
  if (unknown.length > 0) throw bad(`${name}: unknown value(s) ${unknown.join(', ')} (one of ${allowed?.join(', ')})`);
  return value as string[];
}

const create: Handler = (req, sim) => {
  requireToken(req, sim, 'data');
  const body = jsonObject(req, 'data');
  if (typeof body.name !== 'string' || body.name.trim() === '') throw bad('name is required');
  const context = body.context;
  if (typeof context !== 'string' || (context !== 'subscription' && !CONTRACTS.some((c) => c.contractId === context))) {
    throw bad("context must be 'subscription' or one of your contract ids");
  }
  if (!closedNumberInterval(body.cloudCover, 0, 100)) throw bad('cloudCover must be an interval "[min,max]" within 0..100');
  if (!closedNumberInterval(body.incidenceAngle, 0, 90)) throw bad('incidenceAngle must be an interval "[min,max]" within 0..90');
  const problem = polygonProblem(body.geometry);
  if (problem) throw bad(`geometry: ${problem}`);
  const now = sim.now().toISOString();
  const alert: AlertRecord = {
    id: uuidFromName('alert', sim.store.next('alert'), now),
    name: body.name,
    status: 'active',
    context,
    constellation: stringList(body.constellation, 'constellation', CONSTELLATIONS),
    productType: stringList(body.productType, 'productType'),
    cloudCover: body.cloudCover as string,
    incidenceAngle: body.incidenceAngle as string,
    geometry: body.geometry as Polygon,
    createdAt: now,
    updatedAt: now,
    triggeredAt: null,
    userId: USER_ID,
  };
  sim.store.data.alerts.push(alert);
  sim.store.commit();
  return json(201, view(alert, sim));
};

function queryInt(req: SimRequest, name: string, fallback: number, min: number, max: number): number {
  const raw = req.query.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw bad(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

/** Oldest first; without `context` every alert of the user [I]. */
const list: Handler = (req, sim) => {
  requireToken(req, sim, 'data');
  const itemsPerPage = queryInt(req, 'itemsPerPage', DEFAULT_ITEMS_PER_PAGE, 1, MAX_ITEMS_PER_PAGE);
  const startIndex =
    sim.knobs.alertPaging === 'startIndex'
      ? queryInt(req, 'startIndex', 0, 0, Number.MAX_SAFE_INTEGER)
      : (queryInt(req, 'startPage', 1, 1, Number.MAX_SAFE_INTEGER) - 1) * itemsPerPage;
  const context = req.query.get('context');
  const all = sim.store.data.alerts.filter((a) => context === null || a.context === context);
  return json(200, {
    startIndex,
    totalResults: all.length,
    countLimitReached: false,
    itemsPerPage,
    items: all.slice(startIndex, startIndex + itemsPerPage).map((a) => view(a, sim)),
  });
};

function pathAlert(req: SimRequest, sim: Sim): AlertRecord {
  requireToken(req, sim, 'data');
  const alert = sim.store.data.alerts.find((a) => a.id === req.params.id);
  if (!alert) throw hostError('data', 404, 'NOT_FOUND', `Alert '${req.params.id}' not found`);
  return alert;
}

/** Only the name is updatable: any other field is a 400 [I], so a client cannot believe it changed more. */
const rename: Handler = (req, sim) => {
  const alert = pathAlert(req, sim);
  const body = jsonObject(req, 'data');
  const others = Object.keys(body).filter((k) => k !== 'name');
  if (others.length > 0) throw bad(`only the name of an alert can be changed (got ${others.join(', ')})`);
  if (typeof body.name !== 'string' || body.name.trim() === '') throw bad('name is required');
  alert.name = body.name;
  alert.updatedAt = sim.now().toISOString();
  sim.store.commit();
  return json(200, view(alert, sim));
};

const remove: Handler = (req, sim) => {
  const alert = pathAlert(req, sim);
  sim.store.data.alerts = sim.store.data.alerts.filter((a) => a !== alert);
  sim.store.commit();
  return { status: 204 };
};

export const alertRoutes: Route[] = [
  { method: 'POST', template: '/api/v1/alerts', host: 'data', handler: create },
  { method: 'GET', template: '/api/v1/alerts', host: 'data', handler: list },
  { method: 'PUT', template: '/api/v1/alerts/{id}', host: 'data', handler: rename },
  { method: 'DELETE', template: '/api/v1/alerts/{id}', host: 'data', handler: remove },
];
