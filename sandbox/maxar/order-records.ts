/** A Maxar ARD order as the sandbox stores it; `status` is derived from the clock when read. */
import type { Polygon } from '../geo.js';

export type Category = 'fresh' | 'standard' | 'training';

/** Per image-age category: km² and USD, as `usage.area` / `usage.cost` report them. */
export interface Charge {
  area: Record<Category, number>;
  cost: Record<Category, number>;
}

export interface MaxarOrderRecord {
  id: string;
  account_id: string;
  user_id: string;
  date_created: string;
  /** The accepted request, cloud write secrets removed. */
  request: {
    acquisitions: (string | { id: string; cells?: string[] })[];
    intersects?: Polygon;
    output_config: Record<string, Record<string, unknown>>;
    settings: Record<string, boolean>;
    notifications: unknown[];
    metadata: unknown;
  };
  usage: Charge;
  /** Where it ends once processed: SUCCEEDED, or FAILED / ERROR (the `maxarFailStatus` knob) for an acquisition that cannot be processed [I]. */
  final: 'SUCCEEDED' | 'FAILED' | 'ERROR';
  /** Seeded history is already finished. */
  seeded?: boolean;
}

/** A select (`POST /select`): the request as accepted; results are derived from it when read. */
export interface MaxarSelectRecord {
  id: string;
  user_id: string;
  date_created: string;
  request: Record<string, unknown>;
}
