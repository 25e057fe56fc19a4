/** Polygon checks the vendors apply (closed ring, no holes, no self-intersection), intersection tests and geodesic area. */
import turfArea from '@turf/area';

export type Position = [number, number];
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}
type SearchGeometry = Polygon | { type: 'MultiPolygon'; coordinates: Position[][][] } | { type: 'Point'; coordinates: Position };

export const MAX_VERTICES = 999;

/** Geodesic area in km² (via @turf/area). */
export function areaKm2(polygon: Polygon): number {
  return turfArea(polygon) / 1e6;
}

export function rectangle(west: number, south: number, east: number, north: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
  };
}

/** Why `g` is not an acceptable AOI polygon, or undefined when it is (OneAtlas AOI rules). */
export function polygonProblem(g: unknown): string | undefined {
  if (typeof g !== 'object' || g === null) return 'geometry must be a GeoJSON Polygon';
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon') return `geometry type must be Polygon, not ${String(type)}`;
  if (!Array.isArray(coordinates) || coordinates.length === 0) return 'Polygon coordinates must hold one ring';
  if (coordinates.length > 1) return 'Polygon holes are not supported';
  const ring: unknown = coordinates[0];
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring needs at least 4 positions';
  if (ring.length - 1 > MAX_VERTICES) return `a ring may have at most ${MAX_VERTICES} vertices`;
  for (const p of ring) {
    if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      return 'each position must be [longitude, latitude]';
    }
    if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) return `position [${p[0]}, ${p[1]}] is out of range`;
  }
  const pts = ring as Position[];
  const first = pts[0] as Position;
  const last = pts[pts.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return 'the first and last positions must be equal';
  if (selfIntersects(pts)) return 'the ring intersects itself';
  if (areaKm2(g as Polygon) === 0) return 'the polygon has no area';
  return undefined;
}

function selfIntersects(ring: Position[]): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      if (adjacent) continue;
      if (segmentsIntersect(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
    }
  }
  return false;
}

function orient(a: Position, b: Position, c: Position): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

function segmentsIntersect(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const o1 = orient(p1, p2, q1);
  const o2 = orient(p1, p2, q2);
  const o3 = orient(q1, q2, p1);
  const o4 = orient(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(p1, p2, q1)) ||
    (o2 === 0 && onSegment(p1, p2, q2)) ||
    (o3 === 0 && onSegment(q1, q2, p1)) ||
    (o4 === 0 && onSegment(q1, q2, p2))
  );
}

function pointInRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

type Box = [number, number, number, number];

function bbox(ring: Position[]): Box {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function ringsIntersect(a: Position[], b: Position[]): boolean {
  const [ax0, ay0, ax1, ay1] = bbox(a);
  const [bx0, by0, bx1, by1] = bbox(b);
  if (ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0) return false;
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) {
      if (segmentsIntersect(a[i]!, a[i + 1]!, b[j]!, b[j + 1]!)) return true;
    }
  }
  return pointInRing(a[0]!, b) || pointInRing(b[0]!, a);
}

/** Outer rings of a search geometry (a Point becomes a degenerate ring). */
function ringsOf(g: SearchGeometry): Position[][] {
  switch (g.type) {
    case 'Polygon':
      return [g.coordinates[0]!];
    case 'MultiPolygon':
      return g.coordinates.map((p) => p[0]!);
    case 'Point':
      return [[g.coordinates, g.coordinates]];
  }
}

export function isSearchGeometry(g: unknown): g is SearchGeometry {
  if (typeof g !== 'object' || g === null) return false;
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates)) return false;
  if (type === 'Point') return coordinates.length >= 2 && coordinates.every((n) => typeof n === 'number');
  if (type === 'Polygon') return polygonProblem(g) === undefined;
  if (type === 'MultiPolygon') return coordinates.every((c) => polygonProblem({ type: 'Polygon', coordinates: c }) === undefined);
  return false;
}

/** True when the two geometries share at least one point. */
export function intersects(a: SearchGeometry, b: Polygon): boolean {
  const target = b.coordinates[0]!;
  return ringsOf(a).some((ring) => (ring.length === 2 ? pointInRing(ring[0]!, target) : ringsIntersect(ring, target)));
}

/**
 * `polygon` cut to an axis-aligned rectangle (Sutherland–Hodgman against each edge): what of an AOI an
 * acquisition footprint covers. Null when nothing is left.
 */
export function clipToRectangle(polygon: Polygon, west: number, south: number, east: number, north: number): Polygon | null {
  const edges: ((p: Position) => boolean)[] = [(p) => p[0] >= west, (p) => p[0] <= east, (p) => p[1] >= south, (p) => p[1] <= north];
  const cross: ((a: Position, b: Position) => Position)[] = [
    (a, b) => at(a, b, 0, west),
    (a, b) => at(a, b, 0, east),
    (a, b) => at(a, b, 1, south),
    (a, b) => at(a, b, 1, north),
  ];
  let ring = (polygon.coordinates[0] ?? []).slice(0, -1);
  edges.forEach((inside, e) => {
    const out: Position[] = [];
    ring.forEach((cur, i) => {
      const prev = ring[(i + ring.length - 1) % ring.length] as Position;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross[e]!(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cross[e]!(prev, cur));
    });
    ring = out;
  });
  if (ring.length < 3) return null;
  const clipped: Polygon = { type: 'Polygon', coordinates: [[...ring, ring[0] as Position]] };
  return areaKm2(clipped) > 0 ? clipped : null;
}

/** Where segment a→b crosses the line `axis = value`. */
function at(a: Position, b: Position, axis: 0 | 1, value: number): Position {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  const p: Position = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  p[axis] = value;
  return p;
}

/** The [west, south, east, north] of a rectangle built by `rectangle()`. */
export function boundsOf(p: Polygon): [number, number, number, number] {
  const ring = p.coordinates[0] ?? [];
  const xs = ring.map((q) => q[0]);
  const ys = ring.map((q) => q[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
