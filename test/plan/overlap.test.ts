/** The shared area behind ALREADY_OWNED: exact against a convex earlier AOI, an upper bound against a concave one. */
import { describe, expect, it } from 'vitest';
import { areaKm2 } from '../../engine/geo/area.js';
import { overlap } from '../../engine/geo/overlap.js';

const rect = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });

describe('overlap', () => {
  it('of two rectangles is the area of their intersection, whatever the ring orientation', () => {
    const a = rect(2.33, 48.85, 2.36, 48.87);
    const clockwise = { type: 'Polygon' as const, coordinates: [[...rect(2.345, 48.85, 2.38, 48.87).coordinates[0]!].reverse()] };
    expect(overlap(a, clockwise)).toEqual({ km2: areaKm2(rect(2.345, 48.85, 2.36, 48.87)), exact: true });
    expect(overlap(a, a).km2).toBeCloseTo(areaKm2(a), 9);
    expect(overlap(a, rect(3, 49, 3.1, 49.1))).toEqual({ km2: 0, exact: true });
  });

  it('against a concave AOI is clipped by its hull and marked as an upper bound', () => {
    const l = { type: 'Polygon' as const, coordinates: [[[0, 0], [0.02, 0], [0.02, 0.01], [0.01, 0.01], [0.01, 0.02], [0, 0.02], [0, 0]]] };
    const notch = rect(0.012, 0.012, 0.014, 0.014); // inside the hull, outside the L
    const o = overlap(notch, l);
    expect(o.exact).toBe(false);
    expect(o.km2).toBeCloseTo(areaKm2(notch), 9);
  });
});
