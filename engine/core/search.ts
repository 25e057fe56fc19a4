/** What `orderform search` asks the provider named by --vendor, and the orders it answers for the items picked. */
import type { Polygon } from '../model.js';
import type { Criteria } from '../search/criteria.js';

export interface SearchQuery extends Criteria {
  aoi: Polygon;
  /** Items to list. */
  limit: number;
  /** The vendor's own search options as given on the command line (e.g. `constellation`, `category`, `sort`); the CLI has checked their choices. */
  options: Readonly<Record<string, unknown>>;
}

/** Orders as written, ready to sit under `orders:`. */
export interface Skeleton {
  /** Order entries by key. */
  orders: Record<string, unknown>;
  /** What to check before planning (YAML comment lines). */
  notes: string[];
}

export interface SkeletonContext<Settings> {
  /** The AOI's name in each order and the start of each order key. */
  aoiName: string;
  /** How the orders refer to the AOI: a file path relative to the config, or inline GeoJSON. */
  aoi: { file: string } | object;
  /** The AOI itself (e.g. its UTM zone is the projection of ortho products). */
  polygon: Polygon;
  /** The provider's settings the command reached (e.g. the contracts an order may name). */
  settings: Settings | undefined;
}
