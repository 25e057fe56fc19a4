/**
 * What `orderform deliveries` shows, in neutral form: for each order in state, what its vendor delivered —
 * products to download from the vendor, or the place (a cloud bucket) the vendor wrote them to.
 * A provider fills these through its `deliveries` hook (engine/providers/provider.ts).
 */
import type { Config } from '../model.js';
import type { CriteriaRequest } from '../search/criteria.js';
import type { ResourceState, ResourceStatus } from '../state/types.js';

export interface DeliveredProduct {
  /** The vendor's product id. */
  id: string;
  /** Name to save it under (a file name, no folder). */
  fileName: string;
  downloadUrl?: string;
  size?: number;
  /** The vendor's sha256 of the file, when it publishes one. */
  sha256?: string;
  acquisitionDate?: string;
}

export interface OrderDeliveries {
  address: string;
  /** The provider's key (`Provider.vendor`): which provider downloads its products. */
  vendor: string;
  customerReference: string;
  /** The vendor's order id. */
  orderId?: string;
  /** The vendor's own word for the order's status (e.g. SUCCEEDED), when it reports one. */
  status?: string;
  /** Where the vendor reads or writes the products: a delivery workspace, or a bucket URL (`s3://bucket/prefix`). */
  location?: string;
  /** Products orderform can download; empty for a vendor that writes into the user's own storage. */
  products: DeliveredProduct[];
}

/** An inclusive range of calendar days, YYYY-MM-DD. */
export interface DayRange {
  from?: string;
  to?: string;
}

export interface DeliveriesQuery {
  /** Product criteria (acquisition and publication dates, cloud cover, incidence, AOI) for vendors that list products. */
  criteria: CriteriaRequest;
  /** Only orders placed on these days. */
  ordered?: DayRange;
  /** Only orders in one of these statuses. */
  statuses?: readonly ResourceStatus[];
}

export interface DeliveriesContext {
  config: Pick<Config, 'providers'>;
  /** The resources of the provider's kinds in state, sorted by address. */
  resources: readonly ResourceState[];
  query: DeliveriesQuery;
}

/** Streams one product's bytes (`offset`: bytes already held, asked for with an HTTP Range); returns the bytes received. */
export interface Downloader {
  download(req: {
    url: string;
    offset?: number;
    onStart?: (status: number, headers: Record<string, string>) => void | Promise<void>;
    sink: (chunk: Uint8Array) => void | Promise<void>;
  }): Promise<number>;
}

/** A day YYYY-MM-DD (or the day of an ISO timestamp) within `range`. */
export function inDayRange(day: string, range: DayRange | undefined): boolean {
  const d = day.slice(0, 10);
  return (range?.from === undefined || d >= range.from) && (range?.to === undefined || d <= range.to);
}
