/** The work of `orderform deliveries`, loaded only when the command runs (see deliveries.ts). */
import { resolve } from 'node:path';
import { downloadProduct, type DownloadResult } from '../../engine/deliveries/download.js';
import { deliveryProviders, downloaderOf, listDeliveries, orderedRange, type OrderDeliveries } from '../../engine/deliveries/list.js';
import { DiagnosticsError, type Diagnostic } from '../../engine/diagnostics.js';
import { readAoiFile } from '../../engine/search/aoi-file.js';
import { toCriteria } from '../../engine/search/criteria.js';
import { loadCheckedConfig, openStore, withClients } from '../context.js';
import { criteriaArgs } from '../criteria-options.js';
import type { CliIo } from '../io.js';
import { createProgress } from '../render/progress.js';
import { formatBytes, renderTable } from '../render/table.js';
import type { DeliveriesArgs } from './deliveries.js';

export async function runDeliveries(argv: DeliveriesArgs, io: CliIo): Promise<void> {
  const config = await loadCheckedConfig(argv.config, io);
  // Bad filters are reported before state or credentials are touched.
  const criteria = toCriteria({ ...criteriaArgs(argv), ...(argv.aoi ? { aoi: await readAoiFile(argv.aoi, io.cwd) } : {}) });
  const ordered = orderedRange(argv.orderedFrom, argv.orderedTo);
  const query = { criteria, ...(ordered ? { ordered } : {}), ...(argv.status?.length ? { statuses: argv.status } : {}) };
  const store = openStore(config, io, { readOnly: true });
  try {
    const state = await store.read();
    const providers = Object.fromEntries(deliveryProviders(config, state).map((p) => [p.vendor, (config.providers as Record<string, unknown>)[p.vendor]]));
    await withClients({ providers }, io, { debug: argv.debug }, async (clients) => {
      const orders = await listDeliveries(state, config, clients, query);
      if (!argv.download) {
        const filtered = Object.keys(criteria).length > 0 || ordered !== undefined || query.statuses !== undefined;
        io.stdout(argv.output === 'json' ? `${JSON.stringify(orders, null, 2)}\n` : renderDeliveries(orders, filtered));
        return;
      }
      const products = orders.flatMap((o) => o.products.map((p) => ({ order: o, product: p })));
      const bar = createProgress(io, { quiet: argv.quiet, unit: 'bytes' });
      bar.start('Downloading', products.reduce((n, p) => n + (p.product.size ?? 0), 0));
      const failures: Diagnostic[] = [];
      const results: DownloadResult[] = [];
      for (const { order, product } of products) {
        try {
          const result = await downloadProduct(product, {
            client: downloaderOf(order, clients)!,
            dir: resolve(io.cwd, argv.download),
            hooks: { onStart: (p, _total, already) => bar.advance(already, p.fileName), onBytes: (p, n) => bar.advance(n, p.fileName) },
          });
          if (result.outcome === 'skipped') bar.advance(result.bytes, product.fileName);
          results.push(result);
        } catch (err) {
          if (!(err instanceof DiagnosticsError)) throw err;
          failures.push(...err.diagnostics);
        }
      }
      bar.finish();
      if (!argv.quiet) {
        for (const r of results) io.stdout(`${r.outcome.padEnd(10)} ${r.path} (${formatBytes(r.bytes)}, sha256 ${r.sha256.slice(0, 12)}…)\n`);
        // A vendor that writes into the user's own storage leaves nothing to download here: say where it is.
        for (const o of orders) if (!o.products.length && o.location && o.status) io.stdout(`elsewhere  ${o.address} (${o.status}): written by the vendor to ${o.location}\n`);
      }
      io.stdout(`${results.length} of ${products.length} product${products.length === 1 ? '' : 's'} in ${argv.download}\n`);
      if (failures.length) throw new DiagnosticsError(failures);
    });
  } finally {
    await store.close();
  }
}

function renderDeliveries(orders: readonly OrderDeliveries[], filtered: boolean): string {
  if (!orders.length) return filtered ? 'No order in state matches these filters.\n' : 'No order in state yet.\n';
  const rows = orders.flatMap((o) =>
    o.products.length
      ? o.products.map((p) => [o.address, o.orderId ?? '', o.status ?? '', p.id, p.acquisitionDate?.slice(0, 10) ?? '', p.size === undefined ? '' : formatBytes(p.size)])
      : [[o.address, o.orderId ?? '', o.status ?? '', o.status !== undefined && o.location ? o.location : '(not delivered yet)', '', '']],
  );
  return renderTable([{ header: 'order' }, { header: 'order id' }, { header: 'status' }, { header: 'product or location' }, { header: 'acquired' }, { header: 'size', align: 'right' }], rows);
}
