/**
 * [I] What an order costs: for each acquisition, the part of the AOI its footprint covers (km², geodesic),
 * times the account price of its age category at that moment, rounded to cents per acquisition. The
 * dry run and the placement share it, so the estimate equals the charge.
 */
import { areaKm2, boundsOf, clipToRectangle, type Polygon } from '../geo.js';
import { round2 } from '../money.js';
import type { Category, Charge } from './order-records.js';
import { acquiredAt, categoryOf, PRICE_OF, type AcquisitionSeed } from './seed.js';

export const CATEGORIES: readonly Category[] = ['fresh', 'standard', 'training'];

export function covered(aoi: Polygon, a: AcquisitionSeed): Polygon | null {
  return clipToRectangle(aoi, ...boundsOf(a.footprint));
}

/** `aoi` undefined: every tile of each acquisition, i.e. its whole footprint [I]. */
export function chargeOf(acquisitions: readonly AcquisitionSeed[], aoi: Polygon | undefined, now: Date): Charge {
  const area: Record<Category, number> = { fresh: 0, standard: 0, training: 0 };
  const cost: Record<Category, number> = { fresh: 0, standard: 0, training: 0 };
  for (const a of acquisitions) {
    const part = aoi ? covered(aoi, a) : a.footprint;
    if (!part) continue;
    const cat = categoryOf(acquiredAt(a, now), now);
    const km2 = round2(areaKm2(part));
    area[cat] = round2(area[cat] + km2);
    cost[cat] = round2(cost[cat] + round2(km2 * PRICE_OF[cat]));
  }
  return { area, cost };
}

const total = (r: Record<Category, number>) => round2(CATEGORIES.reduce((s, c) => s + r[c], 0));

/** `usage.area` and `usage.cost` as the SDK models them (base_collections.py UsageArea / UsageCost). */
export function usageView(c: Charge, estimate: boolean) {
  return {
    area: { fresh_imagery_sqkm: c.area.fresh, standard_imagery_sqkm: c.area.standard, training_imagery_sqkm: c.area.training, tasking_imagery_sqkm: 0, total_imagery_sqkm: total(c.area), estimate },
    cost: { fresh_imagery_cost: c.cost.fresh, standard_imagery_cost: c.cost.standard, training_imagery_cost: c.cost.training, tasking_imagery_cost: 0, total_imagery_cost: total(c.cost), estimate },
  };
}
