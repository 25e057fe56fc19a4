/**
 * The area two AOIs share, for "already owned" warnings. No polygon intersection library is among the
 * dependencies (@turf/area only; @turf/intersect would replace this file), so the intersection is the
 * new AOI clipped by the earlier one with Sutherland–Hodgman, planar in longitude/latitude, and its area
 * comes from @turf/area. Clipping is exact against a convex polygon (rectangles, most AOIs); against a
 * concave one it clips by its convex hull, which can only overstate the overlap: then `exact` is false and
 * the figure is an upper bound ("at most").
 */
import type { Polygon } from '../model.js';
import { areaKm2 } from './area.js';

type Point = [number, number];

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** The outer ring without its closing point. */
function ring(p: Polygon): Point[] {
  const r = (p.coordinates[0] ?? []).map((c) => [c[0]!, c[1]!] as Point);
  return r.length > 1 && r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1] ? r.slice(0, -1) : r;
}

/** Counter-clockwise convex hull (monotone chain). */
function hull(points: readonly Point[]): Point[] {
  const ps = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const half = (list: Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out.at(-2)!, out.at(-1)!, p) <= 0) out.pop();
      out.push(p);
    }
    return out.slice(0, -1);
  };
  return [...half(ps), ...half([...ps].reverse())];
}

/** Convex when every turn goes the same way. */
function isConvex(r: readonly Point[]): boolean {
  let sign = 0;
  for (let i = 0; i < r.length; i++) {
    const c = cross(r[i]!, r[(i + 1) % r.length]!, r[(i + 2) % r.length]!);
    if (c === 0) continue;
    if (sign === 0) sign = Math.sign(c);
    else if (Math.sign(c) !== sign) return false;
  }
  return true;
}

const signedArea = (r: readonly Point[]) => r.reduce((s, p, i) => s + cross([0, 0], p, r[(i + 1) % r.length]!), 0);

/** Sutherland–Hodgman: `subject` clipped by the convex counter-clockwise `clip`. */
function clipBy(subject: Point[], clip: readonly Point[]): Point[] {
  let out = subject;
  for (let i = 0; i < clip.length && out.length; i++) {
    const a = clip[i]!;
    const b = clip[(i + 1) % clip.length]!;
    const input = out;
    out = [];
    const inside = (p: Point) => cross(a, b, p) >= 0;
    const meet = (p: Point, q: Point): Point => {
      const t = cross(a, b, p) / (cross(a, b, p) - cross(a, b, q));
      return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
    };
    input.forEach((p, j) => {
      const prev = input[(j + input.length - 1) % input.length]!;
      if (inside(p)) {
        if (!inside(prev)) out.push(meet(prev, p));
        out.push(p);
      } else if (inside(prev)) out.push(meet(prev, p));
    });
  }
  return out;
}

export interface Overlap {
  km2: number;
  /** False: an upper bound (the earlier AOI is concave; clipped by its convex hull). */
  exact: boolean;
}

/** The area of `next` that `earlier` covers too. */
export function overlap(next: Polygon, earlier: Polygon): Overlap {
  const e = ring(earlier);
  const exact = isConvex(e);
  let clip = exact ? e : hull(e);
  if (signedArea(clip) < 0) clip = [...clip].reverse();
  const shared = clipBy(ring(next), clip);
  if (shared.length < 3) return { km2: 0, exact };
  return { km2: areaKm2({ type: 'Polygon', coordinates: [[...shared, shared[0]!]] }), exact };
}
