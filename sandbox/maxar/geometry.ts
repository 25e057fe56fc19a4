/**
 * The area an ARD request names: `intersects` (ORD-REF: "A polygon or multipolygon in WKT or GeoJSON
 * geometry format") or `bbox` ([west, south, east, north]), never both. The sandbox takes single-ring
 * polygons [I: MultiPolygon not simulated].
 */
import { hostError } from '../errors.js';
import { polygonProblem, rectangle, type Polygon, type Position } from '../geo.js';

function invalid(message: string) {
  // SDK exceptions.py: a 400 whose message holds "Problem with intersects/bbox" is a geometry error.
  return hostError('maxar', 400, 'BAD_REQUEST', `Problem with intersects/bbox: ${message}`);
}

function fromWkt(text: string): unknown {
  const m = /^\s*POLYGON\s*\(\s*\(([^()]*)\)\s*\)\s*$/i.exec(text);
  if (!m) throw invalid('WKT must be a POLYGON with one ring');
  const ring = (m[1] as string).split(',').map((pair) => pair.trim().split(/\s+/).map(Number) as Position);
  return { type: 'Polygon', coordinates: [ring] };
}

/** The request's area, or undefined when it names none. */
export function requestArea(body: Record<string, unknown>): Polygon | undefined {
  const { intersects, bbox } = body;
  if (intersects !== undefined && bbox !== undefined) throw invalid('the intersects and bbox fields cannot be used in the same request');
  if (bbox !== undefined) {
    if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every((n) => typeof n === 'number')) throw invalid('bbox must be [xmin, ymin, xmax, ymax]');
    const [w, s, e, n] = bbox as number[];
    if (!(w! < e! && s! < n!)) throw invalid('bbox must have xmin < xmax and ymin < ymax');
    return rectangle(w!, s!, e!, n!);
  }
  if (intersects === undefined) return undefined;
  const g = typeof intersects === 'string' ? fromWkt(intersects) : intersects;
  const problem = polygonProblem(g);
  if (problem) throw invalid(problem);
  return g as Polygon;
}
