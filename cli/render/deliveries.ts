/** What `orderform deliveries` shows: the delivered products per order, or what --download fetched. */
import type { DownloadResult } from '../../engine/deliveries/download.js';
import type { OrderDeliveries } from '../../engine/deliveries/list.js';
import type { Diagnostic } from '../../engine/diagnostics.js';
import { formatBytes, renderTable } from './table.js';

export interface DeliveriesResult {
  orders: readonly OrderDeliveries[];
  /** Whether filters narrowed the listing (an empty answer then says so). */
  filtered: boolean;
  /** With --download: where to, each product fetched or skipped, each failure. */
  download?: { dir: string; products: number; results: readonly DownloadResult[]; failures: readonly Diagnostic[] };
}

export function renderDeliveries(orders: readonly OrderDeliveries[], filtered: boolean): string {
  if (!orders.length) return filtered ? 'No order in state matches these filters.\n' : 'No order in state yet.\n';
  const rows = orders.flatMap((o) =>
    o.products.length
      ? o.products.map((p) => [o.address, o.orderId ?? '', o.status ?? '', p.id, p.acquisitionDate?.slice(0, 10) ?? '', p.size === undefined ? '' : formatBytes(p.size)])
      : [[o.address, o.orderId ?? '', o.status ?? '', o.status !== undefined && o.location ? o.location : '(not delivered yet)', '', '']],
  );
  return renderTable([{ header: 'order' }, { header: 'order id' }, { header: 'status' }, { header: 'product or location' }, { header: 'acquired' }, { header: 'size', align: 'right' }], rows);
}

/**
 * A line per product (not with --quiet) and per order a vendor wrote into the user's own storage (nothing to
 * download here: where it is), then how many products the folder holds.
 */
export function renderDownloaded(orders: readonly OrderDeliveries[], { dir, products, results }: NonNullable<DeliveriesResult['download']>, opts: { quiet?: boolean | undefined }): string {
  const lines = opts.quiet
    ? []
    : [
        ...results.map((r) => `${r.outcome.padEnd(10)} ${r.path} (${formatBytes(r.bytes)}, sha256 ${r.sha256.slice(0, 12)}…)\n`),
        ...orders.filter((o) => !o.products.length && o.location && o.status).map((o) => `elsewhere  ${o.address} (${o.status}): written by the vendor to ${o.location}\n`),
      ];
  return `${lines.join('')}${results.length} of ${products} product${products === 1 ? '' : 's'} in ${dir}\n`;
}
