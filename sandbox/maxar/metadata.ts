/**
 * Tile metadata per ARD grid cell (META docs; SDK metadata.py): `POST /metadata/cells/acquisitions` (tiles
 * by AOI and/or acquisition ids), `POST /metadata/cells/{cell_id}/acquisitions`, `GET
 * /metadata/cells/{cell_id}/acquisitions/{acquisition_id}`. `format=geojson` (default): a FeatureCollection,
 * a tile per Feature; `format=order`: `{acquisition_id: [cell_id…]}`. Properties [I] beyond those the SDK
 * reads (`acquisition_id`, `date`, `tile:zone`, `tile:quadkey`, `platform`).
 */
import { json, type Handler, type Route, type Sim } from '../context.js';
import { hostError, jsonObject } from '../errors.js';
import { intersects } from '../geo.js';
import { caller } from './auth.js';
import { requestArea } from './geometry.js';
import { ACQUISITIONS, acquiredAt, categoryOf, type AcquisitionSeed } from './seed.js';

export function tileFeature(a: AcquisitionSeed, sim: Sim) {
  const acquired = acquiredAt(a, sim.now());
  const [zone, quadkey] = a.cell_id.slice(1).split('-') as [string, string];
  return {
    type: 'Feature',
    id: `${a.acquisition_id}-${a.cell_id}`,
    geometry: a.footprint,
    properties: {
      acquisition_id: a.acquisition_id,
      cell_id: a.cell_id,
      'tile:zone': Number(zone),
      'tile:quadkey': quadkey,
      date: acquired.toISOString().slice(0, 10),
      datetime: acquired.toISOString(),
      platform: a.platform,
      image_age_category: categoryOf(acquired, sim.now()),
      'aoi:cloud_free_percentage': a.cloudFreePercentage,
    },
  };
}

const CATEGORY_NAMES = ['fresh', 'standard', 'training'];

/** `datetime`: one instant/date or `from/to`, `..` an open end (STAC style, SDK examples). */
function inDatetime(value: unknown): (acquired: Date) => boolean {
  if (value === undefined) return () => true;
  if (typeof value !== 'string') throw hostError('maxar', 400, 'BAD_REQUEST', 'datetime must be a date or a date range string');
  const [a, b = a] = value.split('/');
  const bound = (t: string | undefined, end: boolean) => {
    if (t === undefined || t === '..' || t === '') return end ? Infinity : -Infinity;
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T${end ? '23:59:59.999' : '00:00:00'}Z` : t);
    if (Number.isNaN(ms)) throw hostError('maxar', 400, 'BAD_REQUEST', `datetime '${value}' is not a date or date range`);
    return ms;
  };
  const from = bound(a, false);
  const to = bound(b, true);
  return (d) => d.getTime() >= from && d.getTime() <= to;
}

const COMPARE: Record<string, (x: number, y: number) => boolean> = { eq: (x, y) => x === y, gt: (x, y) => x > y, gte: (x, y) => x >= y, lt: (x, y) => x < y, lte: (x, y) => x <= y };

/** `query`: only `aoi:cloud_free_percentage` with eq/gt/gte/lt/lte is simulated [I]; other fields are ignored. */
function matchesQuery(value: unknown): (a: AcquisitionSeed) => boolean {
  if (value === undefined) return () => true;
  if (typeof value !== 'object' || value === null) throw hostError('maxar', 400, 'BAD_REQUEST', 'query must be an object');
  const cloud = (value as Record<string, unknown>)['aoi:cloud_free_percentage'];
  if (cloud === undefined) return () => true;
  const ops = Object.entries(cloud as Record<string, unknown>);
  if (!ops.every(([op, v]) => op in COMPARE && typeof v === 'number')) throw hostError('maxar', 400, 'BAD_REQUEST', 'query operators are eq, gt, gte, lt, lte with a number');
  return (a) => ops.every(([op, v]) => COMPARE[op]!(a.cloudFreePercentage, v as number));
}

/** Tiles matching `ids`, the area, `datetime`, `query`, `image_age_category` and `stack_depth` (newest first), within `cell`. */
export function matchingTiles(body: Record<string, unknown>, sim: Sim, cell?: string): AcquisitionSeed[] {
  const { ids, image_age_category: cats, stack_depth: depth } = body;
  const when = inDatetime(body.datetime);
  const query = matchesQuery(body.query);
  if (ids !== undefined && (!Array.isArray(ids) || !ids.every((i) => typeof i === 'string'))) throw hostError('maxar', 400, 'BAD_REQUEST', 'ids must be a list of acquisition ids');
  if (cats !== undefined && (!Array.isArray(cats) || !cats.every((c) => CATEGORY_NAMES.includes(c as string)))) {
    throw hostError('maxar', 400, 'BAD_REQUEST', 'image_age_category must list fresh, standard or training');
  }
  if (depth !== undefined && (!Number.isInteger(depth) || (depth as number) < 1)) throw hostError('maxar', 400, 'BAD_REQUEST', 'stack_depth must be a positive integer');
  const area = requestArea(body);
  if (!area && ids === undefined) throw hostError('maxar', 400, 'BAD_REQUEST', 'Problem with intersects/bbox: give intersects, bbox or ids');
  const now = sim.now();
  const tiles = ACQUISITIONS.filter((a) => (ids === undefined || (ids as string[]).includes(a.acquisition_id)))
    .filter((a) => cell === undefined || a.cell_id === cell)
    .filter((a) => !area || intersects(area, a.footprint))
    .filter((a) => cats === undefined || (cats as string[]).includes(categoryOf(acquiredAt(a, now), now)))
    .filter((a) => when(acquiredAt(a, now)) && query(a))
    .sort((x, y) => x.ageDays - y.ageDays);
  return depth === undefined ? tiles : tiles.slice(0, depth as number);
}

function answer(tiles: AcquisitionSeed[], sim: Sim, format: string | null) {
  if (format === 'order') {
    const out: Record<string, string[]> = {};
    for (const t of tiles) (out[t.acquisition_id] ??= []).push(t.cell_id);
    return json(200, out);
  }
  if (format !== null && format !== 'geojson') throw hostError('maxar', 400, 'BAD_REQUEST', `format '${format}' is not simulated; use geojson or order`);
  return json(200, { type: 'FeatureCollection', features: tiles.map((t) => tileFeature(t, sim)) });
}

const byArea: Handler = (req, sim) => {
  caller(req, sim);
  return answer(matchingTiles(jsonObject(req, 'maxar'), sim), sim, req.query.get('format'));
};

const byCell: Handler = (req, sim) => {
  caller(req, sim);
  return answer(matchingTiles(jsonObject(req, 'maxar'), sim, req.params.cell_id), sim, req.query.get('format'));
};

const oneTile: Handler = (req, sim) => {
  caller(req, sim);
  const a = ACQUISITIONS.find((x) => x.acquisition_id === req.params.acquisition_id && x.cell_id === req.params.cell_id);
  if (!a) throw hostError('maxar', 404, 'NOT_FOUND', `No tile of acquisition ${req.params.acquisition_id} in cell ${req.params.cell_id}`);
  return json(200, tileFeature(a, sim));
};

export const metadataRoutes: Route[] = [
  { method: 'POST', template: '/api/v1/metadata/cells/acquisitions', host: 'maxar', handler: byArea },
  { method: 'POST', template: '/api/v1/metadata/cells/{cell_id}/acquisitions', host: 'maxar', handler: byCell },
  { method: 'GET', template: '/api/v1/metadata/cells/{cell_id}/acquisitions/{acquisition_id}', host: 'maxar', handler: oneTile },
];
