/**
 * `POST /api/v2/opensearch` (and GET with query parameters): the public archive catalog, or delivered
 * products when `workspace` names a delivery workspace. Filters AND together; paging is 1-based pages of
 * at most 500 within a 10000-result window.
 */
import { requireToken } from '../auth.js';
import type { CatalogItem } from '../catalog.js';
import { json, type Handler, type Route, type Sim, type SimRequest } from '../context.js';
import { hostError, jsonObject } from '../errors.js';
import { intersects, isSearchGeometry, rectangle } from '../geo.js';
import { parseRange } from '../intervals.js';
import { deliveredProducts, productDigest, type DeliveredProduct } from './workspace.js';
import { LEGACY_WORKSPACE, NEO_WORKSPACE } from './seed.js';

export const MAX_ITEMS_PER_PAGE = 500;
export const MAX_RESULTS = 10_000;

/** Public workspaces by name and by the UUIDs Airbus's QGIS plugin uses. */
const PUBLIC_WORKSPACES: Record<string, 'public' | 'public-pneo'> = {
  public: 'public',
  '0e33eb50-3404-48ad-b835-b0b4b72a5625': 'public',
  'public-pneo': 'public-pneo',
  '3e88441b-adc9-4be6-bd80-59d4fb69d5a7': 'public-pneo',
};
const DELIVERY_WORKSPACES = [LEGACY_WORKSPACE, NEO_WORKSPACE];

const RANGE_FIELDS = {
  acquisitionDate: 'date',
  publicationDate: 'date',
  lastUpdateDate: 'date',
  cloudCover: 'number',
  incidenceAngle: 'number',
  resolution: 'number',
} as const;
type RangeField = keyof typeof RANGE_FIELDS;
const SORT_FIELDS: readonly string[] = ['acquisitionDate', 'publicationDate', 'lastUpdateDate', 'cloudCover', 'incidenceAngle'];
const LIST_FIELDS = ['constellation', 'platform', 'productType', 'processingLevel', 'id', 'sourceIdentifier'] as const;

type Props = Record<string, unknown> & { id: string };
interface Hit {
  geometry: CatalogItem['geometry'];
  properties: Props;
  links: Record<string, { href: string }>;
}

function catalogHit(item: CatalogItem, sim: Sim, workspace: string): Hit {
  const { geometry, city: _city, ...rest } = item;
  return {
    geometry,
    // An archive (ALBUM) item is its datastrip: sourceIdentifier = parentIdentifier (PPO spec, the public-pneo example).
    properties: { ...rest, parentIdentifier: item.sourceIdentifier, processingLevel: 'ALBUM', sensorType: 'OPTICAL', productionStatus: 'ARCHIVED', workspaceName: workspace },
    links: {
      quicklook: { href: `${sim.baseUrl}/api/v1/items/${item.id}/quicklook` },
      thumbnail: { href: `${sim.baseUrl}/api/v1/items/${item.id}/thumbnail` },
    },
  };
}

function productHit(p: DeliveredProduct, sim: Sim): Hit {
  const base = catalogHit(p.item, sim, p.workspace);
  const { size, sha256 } = productDigest(p.id);
  return {
    geometry: p.line.geometry,
    properties: {
      ...base.properties,
      id: p.id,
      catalogItemId: p.item.id,
      // A product names its own id as sourceIdentifier and the datastrip it was produced from as parentIdentifier
      // (PPO spec: the SENSOR product example, SEN_… under DS_…; parentIdentifier "identified as sourceId in other catalogs").
      sourceIdentifier: `SEN_${p.item.sourceIdentifier.replace(/^DS_/, '')}_${p.line.orderItemId}`,
      parentIdentifier: p.item.sourceIdentifier,
      processingLevel: p.line.options.processing_level?.toUpperCase(),
      productionStatus: 'IN_CLOUD',
      workspaceId: p.workspace,
      publicationDate: p.deliveredAt,
      lastUpdateDate: p.deliveredAt,
      customerReference: p.order.customerReference,
      salesOrderId: p.order.salesOrderId,
      internalReference: p.order.salesOrderId,
      orderItemId: p.line.orderItemId,
      fileSize: size,
      sha256,
    },
    links: {
      ...base.links,
      download: { href: `${sim.baseUrl}/api/v1/items/${p.id}/download` },
    },
  };
}

/** Search parameters from a POST body or from the query string. */
function searchParams(req: SimRequest): Record<string, unknown> {
  if (req.method === 'POST') return req.rawBody.length === 0 ? {} : jsonObject(req, 'search');
  return Object.fromEntries(req.query);
}

function list(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.map(String);
  return String(value).split(',').map((s) => s.trim()).filter(Boolean);
}

function intParam(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw bad(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

function geometryFilter(p: Record<string, unknown>): ((h: Hit) => boolean) | undefined {
  if (p.relation !== undefined && p.relation !== 'intersects') throw bad("relation: only 'intersects' is simulated");
  let g = p.geometry;
  if (typeof g === 'string') {
    try {
      g = JSON.parse(g);
    } catch {
      throw bad('geometry must be GeoJSON (WKT is not simulated)');
    }
  }
  if (g !== undefined) {
    if (!isSearchGeometry(g)) throw bad('geometry must be a valid GeoJSON Point, Polygon or MultiPolygon');
    return (h) => intersects(g as Parameters<typeof intersects>[0], h.geometry);
  }
  if (p.bbox !== undefined) {
    const b = String(p.bbox).split(',').map(Number);
    if (b.length !== 4 || b.some((n) => !Number.isFinite(n))) throw bad('bbox must be minLon,minLat,maxLon,maxLat');
    const box = rectangle(b[0]!, b[1]!, b[2]!, b[3]!);
    return (h) => intersects(box, h.geometry);
  }
  return undefined;
}

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

function filters(p: Record<string, unknown>): ((h: Hit) => boolean)[] {
  const result: ((h: Hit) => boolean)[] = [];
  for (const field of Object.keys(RANGE_FIELDS) as RangeField[]) {
    if (p[field] === undefined) continue;
    const kind = RANGE_FIELDS[field];
    const range = parseRange(p[field], kind);
    if (!range) throw bad(`${field}: '${String(p[field])}' is not a value or an interval like [a,b]`);
    result.push((h) => {
      const v = h.properties[field];
      return range(kind === 'date' ? Date.parse(String(v)) : Number(v));
    });
  }
  for (const field of LIST_FIELDS) {
    const values = list(p[field]);
    if (values) result.push((h) => values.includes(String(h.properties[field])));
  }
  for (const field of ['customerReference', 'internalReference'] as const) {
    if (typeof p[field] !== 'string') continue;
    const re = wildcard(p[field] as string);
    result.push((h) => typeof h.properties[field] === 'string' && re.test(h.properties[field] as string));
  }
  const geo = geometryFilter(p);
  if (geo) result.push(geo);
  return result;
}

function sorter(sortBy: unknown): (a: Hit, b: Hit) => number {
  const keys = list(sortBy ?? '-acquisitionDate,cloudCover') ?? [];
  const parsed = keys.map((k) => {
    const desc = k.startsWith('-');
    const field = k.replace(/^[-+]/, '');
    if (!SORT_FIELDS.includes(field)) throw bad(`sortBy: cannot sort on '${field}' (one of ${SORT_FIELDS.join(', ')})`);
    return { field, sign: desc ? -1 : 1 };
  });
  return (a, b) => {
    for (const { field, sign } of parsed) {
      const x = a.properties[field] as string | number;
      const y = b.properties[field] as string | number;
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0;
  };
}

/** The hits of the requested workspaces (default: both public ones). */
function universe(p: Record<string, unknown>, sim: Sim): Hit[] {
  const names = list(p.workspace) ?? ['public', 'public-pneo'];
  const hits: Hit[] = [];
  let products: DeliveredProduct[] | undefined;
  for (const name of names) {
    const pub = PUBLIC_WORKSPACES[name];
    if (pub) {
      const wanted = (c: string) => (pub === 'public-pneo' ? c === 'PNEO' : c !== 'PNEO');
      const hidden = new Set(sim.knobs.privateCatalogItems);
      for (const item of sim.catalog.items) if (wanted(item.constellation) && !hidden.has(item.id)) hits.push(catalogHit(item, sim, pub));
    } else if (DELIVERY_WORKSPACES.includes(name)) {
      products ??= deliveredProducts(sim);
      for (const p of products) if (p.workspace === name) hits.push(productHit(p, sim));
    } else {
      throw bad(`Unable to access workspace '${name}'`);
    }
  }
  return hits;
}

const search: Handler = (req, sim) => {
  requireToken(req, sim, 'search');
  const p = searchParams(req);
  const itemsPerPage = intParam(p.itemsPerPage, 'itemsPerPage', 50, 0, MAX_ITEMS_PER_PAGE);
  const startPage = intParam(p.startPage, 'startPage', 1, 1, Number.MAX_SAFE_INTEGER);
  if (startPage * itemsPerPage > MAX_RESULTS) {
    throw bad(`startPage × itemsPerPage may not pass ${MAX_RESULTS}; narrow the search instead`);
  }
  const keep = filters(p);
  const compare = sorter(p.sortBy);
  const hits = universe(p, sim).filter((h) => keep.every((f) => f(h)));
  hits.sort(compare);
  const startIndex = (startPage - 1) * itemsPerPage;
  return json(200, {
    error: false,
    type: 'FeatureCollection',
    itemsPerPage,
    startIndex,
    totalResults: Math.min(hits.length, MAX_RESULTS),
    features: hits.slice(startIndex, startIndex + itemsPerPage).map((h) => ({
      type: 'Feature',
      geometry: h.geometry,
      properties: h.properties,
      _links: h.links,
    })),
  });
};

function bad(message: string) {
  return hostError('search', 400, 'INVALID_PARAMETER', message);
}

export const opensearchRoutes: Route[] = [
  { method: 'POST', template: '/api/v2/opensearch', host: 'search', handler: search },
  { method: 'GET', template: '/api/v2/opensearch', host: 'search', handler: search },
];
