/**
 * Reads an AOI from GeoJSON: a Polygon, a Feature with a Polygon, or a FeatureCollection of exactly
 * one such Feature. Checks what OneAtlas and Maxar accept: one closed outer ring of 4 to 1000
 * positions (at most 999 vertices), longitude and latitude in range, no edge crossing or touching
 * another, some area. Problems carry a path inside the GeoJSON value so that the caller can
 * position them.
 */
import type { Polygon } from '../model.js';
import { areaKm2 } from './area.js';

export type GeoPath = (string | number)[];

export interface GeoProblem {
  code: string;
  message: string;
  path: GeoPath;
}

export const MAX_VERTICES = 999;

export function readPolygon(value: unknown): { polygon: Polygon } | { problems: GeoProblem[] } {
  const found = findPolygon(value, []);
  if ('problems' in found) return found;
  const problems = ringProblems(found.coordinates, [...found.path, 'coordinates']);
  if (problems.length) return { problems };
  return { polygon: { type: 'Polygon', coordinates: found.coordinates as number[][][] } };
}

function findPolygon(value: unknown, path: GeoPath): { coordinates: unknown; path: GeoPath } | { problems: GeoProblem[] } {
  const fail = (code: string, message: string, at: GeoPath = path) => ({ problems: [{ code, message, path: at }] });
  if (!isObject(value)) return fail('AOI_INVALID_GEOJSON', 'expected a GeoJSON object');
  switch (value.type) {
    case 'Polygon':
      return { coordinates: value.coordinates, path };
    case 'Feature':
      return findPolygon(value.geometry, [...path, 'geometry']);
    case 'FeatureCollection': {
      const features = value.features;
      if (!Array.isArray(features)) return fail('AOI_INVALID_GEOJSON', 'a FeatureCollection needs a features array');
      if (features.length !== 1)
        return fail('AOI_FEATURE_COUNT', `a FeatureCollection AOI must hold exactly one Feature, found ${features.length}`, [...path, 'features']);
      return findPolygon(features[0], [...path, 'features', 0]);
    }
    case 'MultiPolygon':
    case 'Point':
    case 'MultiPoint':
    case 'LineString':
    case 'MultiLineString':
    case 'GeometryCollection':
      return fail('AOI_NOT_POLYGON', `the AOI must be a Polygon, got a ${value.type}`, [...path, 'type']);
    default:
      return fail('AOI_INVALID_GEOJSON', `not a GeoJSON Polygon, Feature or FeatureCollection (type: ${JSON.stringify(value.type)})`);
  }
}

function ringProblems(coordinates: unknown, path: GeoPath): GeoProblem[] {
  const problem = (code: string, message: string, at: GeoPath = path) => [{ code, message, path: at }];
  if (!Array.isArray(coordinates) || coordinates.length === 0)
    return problem('AOI_INVALID_GEOJSON', 'Polygon coordinates must be a non-empty array of rings');
  if (coordinates.length > 1) return problem('AOI_HOLES', 'the AOI polygon may not have holes: give one outer ring only', [...path, 1]);
  const ring = coordinates[0];
  const ringPath = [...path, 0];
  if (!Array.isArray(ring)) return problem('AOI_INVALID_GEOJSON', 'a ring must be an array of positions', ringPath);
  const out: GeoProblem[] = [];
  ring.forEach((pos, i) => {
    const at = [...ringPath, i];
    if (!Array.isArray(pos) || pos.length < 2 || pos.length > 3 || !pos.every((n) => typeof n === 'number' && Number.isFinite(n)))
      out.push({ code: 'AOI_INVALID_GEOJSON', message: 'a position must be [longitude, latitude] numbers', path: at });
    else if (Math.abs(pos[0]) > 180 || Math.abs(pos[1]) > 90)
      out.push({ code: 'AOI_COORDINATE_RANGE', message: `[${pos[0]}, ${pos[1]}] is out of range: longitude −180..180, latitude −90..90`, path: at });
  });
  if (out.length) return out;
  const positions = ring as number[][];
  if (positions.length < 4)
    return problem('AOI_TOO_FEW_POSITIONS', `a ring needs at least 4 positions (first = last), found ${positions.length}`, ringPath);
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1])
    return problem('AOI_RING_NOT_CLOSED', 'the ring is not closed: its last position must equal its first', [...ringPath, positions.length - 1]);
  if (positions.length - 1 > MAX_VERTICES)
    return problem('AOI_TOO_MANY_VERTICES', `the ring has ${positions.length - 1} vertices; at most ${MAX_VERTICES} are accepted`, ringPath);
  const crossing = firstCrossing(positions);
  if (crossing !== undefined) {
    const [a, b] = [positions[crossing]!, positions[crossing + 1]!];
    return problem('AOI_SELF_INTERSECTION', `the ring intersects itself: the edge [${a[0]}, ${a[1]}] → [${b[0]}, ${b[1]}] crosses or touches another edge`, [...ringPath, crossing]);
  }
  if (areaKm2({ type: 'Polygon', coordinates: [positions] }) === 0)
    return problem('AOI_ZERO_AREA', 'the polygon has no area: its vertices lie on one line', ringPath);
  return [];
}

/**
 * Index of the first edge that meets a non-adjacent edge (the vendors refuse such rings), planar
 * in degrees as they check it; undefined when the ring is simple. O(n²) for at most 999 edges.
 */
function firstCrossing(ring: number[][]): number | undefined {
  const edges = ring.length - 1;
  for (let j = 2; j < edges; j++) {
    for (let i = 0; i < j - 1; i++) {
      if (i === 0 && j === edges - 1) continue; // the closing edge touches the first at the start vertex
      if (edgesMeet(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return i;
    }
  }
  return undefined;
}

function side(a: number[], b: number[], p: number[]): number {
  return Math.sign((b[0]! - a[0]!) * (p[1]! - a[1]!) - (b[1]! - a[1]!) * (p[0]! - a[0]!));
}

/** Within the box of a–b; with side() 0 this means p lies on the edge. */
function within(a: number[], b: number[], p: number[]): boolean {
  return p[0]! >= Math.min(a[0]!, b[0]!) && p[0]! <= Math.max(a[0]!, b[0]!) && p[1]! >= Math.min(a[1]!, b[1]!) && p[1]! <= Math.max(a[1]!, b[1]!);
}

function edgesMeet(a: number[], b: number[], c: number[], d: number[]): boolean {
  const [s1, s2, s3, s4] = [side(a, b, c), side(a, b, d), side(c, d, a), side(c, d, b)];
  if (s1 !== s2 && s3 !== s4) return true;
  return (s1 === 0 && within(a, b, c)) || (s2 === 0 && within(a, b, d)) || (s3 === 0 && within(c, d, a)) || (s4 === 0 && within(c, d, b));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
