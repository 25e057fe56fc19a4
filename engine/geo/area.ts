/** Geodesic area of a polygon in km², from @turf/area (no hand-written formula). */
import turfArea from '@turf/area';
import type { Polygon } from '../model.js';

export function areaKm2(polygon: Polygon): number {
  return turfArea(polygon) / 1_000_000;
}
