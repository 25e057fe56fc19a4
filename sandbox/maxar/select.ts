/**
 * Select (SELECT docs; SDK select.py): `POST /api/v1/select` with ids / datetime / intersects|bbox / query /
 * stack_depth / image_age_category → `{id, status: "RUNNING", request_details}`; `GET
 * /api/v1/select/request/{select_id}` → SUCCEEDED with `usage` (area, cost, limits, available, usage_as_of:
 * "A select request does not incur usage costs"), `unique_acquisitions` and `links` to result files;
 * `GET /api/v1/select/files/{select_id}.{ext}` → `{download_link}` (SDK get_signed_link), a link that needs
 * no token (SDK: "unauthenticated, don't send token") serving the tiles as a GeoJSON FeatureCollection.
 * [I] A select finishes by its first status read; only `geojson` result files are simulated; of `query`
 * only `aoi:cloud_free_percentage` filters.
 */
import { json, type Handler, type Route, type Sim } from '../context.js';
import { hostError, jsonObject } from '../errors.js';
import type { Polygon } from '../geo.js';
import { available, limits, spentThisYear } from './account.js';
import { caller } from './auth.js';
import { chargeOf, usageView } from './charge.js';
import { requestArea } from './geometry.js';
import { matchingTiles, tileFeature } from './metadata.js';
import type { MaxarSelectRecord } from './order-records.js';
import { MAXAR_PREFIX, orderId, type AcquisitionSeed } from './seed.js';

function record(id: string, sim: Sim): MaxarSelectRecord {
  const s = (sim.store.data.maxarSelects ?? []).find((x) => x.id === id);
  if (!s) throw hostError('maxar', 404, 'NOT_FOUND', `Select ${id} not found`);
  return s;
}

/** The AOI and tiles a select chose (an order by select_id uses them). */
export function selectionOf(id: string, sim: Sim): { area: Polygon | undefined; tiles: AcquisitionSeed[] } {
  const s = record(id, sim);
  return { area: requestArea(s.request), tiles: matchingTiles(s.request, sim) };
}

const submit: Handler = (req, sim) => {
  const user = caller(req, sim);
  const body = jsonObject(req, 'maxar');
  matchingTiles(body, sim); // validates ids, area, datetime, query, categories, stack depth
  const s: MaxarSelectRecord = { id: orderId(9_000_000 + sim.store.next('maxarSelect')), user_id: user.user_id, date_created: sim.now().toISOString(), request: body };
  (sim.store.data.maxarSelects ??= []).push(s);
  sim.store.commit();
  return json(200, { id: s.id, status: 'RUNNING', request_details: s.request });
};

const status: Handler = (req, sim) => {
  caller(req, sim);
  const s = record(req.params.select_id as string, sim);
  const { area, tiles } = selectionOf(s.id, sim);
  const base = `${sim.baseUrl}${MAXAR_PREFIX}/api/v1/select/files/${s.id}`;
  return json(200, {
    id: s.id,
    status: 'SUCCEEDED',
    request_details: s.request,
    unique_acquisitions: new Set(tiles.map((t) => t.acquisition_id)).size,
    stack_depth_summary: { [String(tiles.length)]: tiles.length ? 1 : 0 },
    usage: { ...usageView(chargeOf(tiles, area, sim.now()), true), limits: limits(sim), available: available(sim, spentThisYear(sim)), usage_as_of: sim.now().toISOString() },
    links: { geojson: `${base}.geojson` },
  });
};

const file: Handler = (req, sim) => {
  caller(req, sim);
  const m = /^(\d+)\.geojson$/.exec(req.params.file as string);
  if (!m) throw hostError('maxar', 404, 'NOT_FOUND', `No result file ${req.params.file}`);
  const s = record(m[1] as string, sim);
  return json(200, { download_link: `${sim.baseUrl}${MAXAR_PREFIX}/select-results/${s.id}.geojson` });
};

/** The signed link: no token needed. */
const download: Handler = (req, sim) => {
  const m = /^(\d+)\.geojson$/.exec(req.params.file as string);
  if (!m) throw hostError('maxar', 404, 'NOT_FOUND', `No result file ${req.params.file}`);
  const s = record(m[1] as string, sim);
  return json(200, { type: 'FeatureCollection', features: selectionOf(s.id, sim).tiles.map((t) => tileFeature(t, sim)) });
};

export const selectRoutes: Route[] = [
  { method: 'POST', template: '/api/v1/select', host: 'maxar', handler: submit },
  { method: 'GET', template: '/api/v1/select/request/{select_id}', host: 'maxar', handler: status },
  { method: 'GET', template: '/api/v1/select/files/{file}', host: 'maxar', handler: file },
  { method: 'GET', template: '/select-results/{file}', host: 'maxar', handler: download },
];
