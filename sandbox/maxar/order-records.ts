/** A Maxar ARD order as the sandbox stores it; `status` is derived from the clock when read. */
import type { Polygon } from '../geo.js';

export type Category = 'fresh' | 'standard' | 'training';

export interface MaxarOrderRecord {
  order_id: string;
  account_id: string;
  user_id: string;
  date_created: string;
  acquisitions: string[];
  intersects: Polygon;
  bundle_adjust: boolean;
  output_config: Record<string, Record<string, string>>;
  metadata: Record<string, string>;
  notifications: unknown[];
  area_km2: number;
  cost: { amount: number; currency: 'USD'; category: Category | 'mixed'; by_category: Partial<Record<Category, number>> };
  /** Seeded history is already delivered; new orders move RECEIVED → RUNNING → SUCCEEDED. */
  seeded?: boolean;
}
