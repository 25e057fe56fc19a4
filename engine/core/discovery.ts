/** What `orderform discover` asks every provider the config (or the environment) reaches. */
import type { Polygon } from '../model.js';

export interface DiscoverOptions {
  /** List the production options of this product type (on the first contract that has it). */
  productType?: string;
  /** The AOI the options are asked for (per-AOI options such as the UTM projection depend on it). */
  aoi?: Polygon;
}
