/** What `orderform deliveries` shows: the delivered products per order, or what --download fetched. */
import type { DownloadResult } from '../../engine/deliveries/download.js';
import type { OrderDeliveries } from '../../engine/deliveries/list.js';
import type { Diagnostic } from '../../engine/diagnostics.js';
import { formatBytes, renderTable } from './table.js';

export interface DeliveriesResult {
  orders: readonly OrderDeliveries[];
  /** With --download: where to, each product fetched or skipped, each failure. */
  download?: { dir: string; products: number; results: readonly DownloadResult[]; failures: readonly Diagnostic[] };
}

export function renderDeliveries(orders: readonly OrderDeliveries[]): string {
  if (!orders.length) return 'No OneAtlas order in state yet.\n';
  const rows = orders.flatMap((o) =>
    o.products.length
      ? o.products.map((p) => [o.address, o.salesOrderId ?? '', p.id, p.acquisitionDate?.slice(0, 10) ?? '', p.size === undefined ? '' : formatBytes(p.size)])
      : [[o.address, o.salesOrderId ?? '', '(not delivered yet)', '', '']],
  );
  return renderTable([{ header: 'order' }, { header: 'salesOrderId' }, { header: 'product' }, { header: 'acquired' }, { header: 'size', align: 'right' }], rows);
}

/** A line per product (not with --quiet), then how many of them the folder holds. */
export function renderDownloaded({ dir, products, results }: NonNullable<DeliveriesResult['download']>, opts: { quiet?: boolean | undefined }): string {
  const lines = opts.quiet ? [] : results.map((r) => `${r.outcome.padEnd(10)} ${r.path} (${formatBytes(r.bytes)}, sha256 ${r.sha256.slice(0, 12)}…)\n`);
  return `${lines.join('')}${results.length} of ${products} product${products === 1 ? '' : 's'} in ${dir}\n`;
}
