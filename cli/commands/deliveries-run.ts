/** The work of `orderform deliveries`, loaded only when the command runs (see deliveries.ts). */
import { resolve } from 'node:path';
import { downloadProduct, type DownloadResult } from '../../engine/deliveries/download.js';
import { deliveryProviders, downloaderOf, listDeliveries, orderedRange } from '../../engine/deliveries/list.js';
import { DiagnosticsError, type Diagnostic } from '../../engine/diagnostics.js';
import { readAoiFile } from '../../engine/search/aoi-file.js';
import { toCriteria } from '../../engine/search/criteria.js';
import { loadCheckedConfig, openStore, withClients } from '../context.js';
import { criteriaArgs } from '../criteria-options.js';
import type { CliIo } from '../io.js';
import { createProgress } from '../render/progress.js';
import { renderDeliveries, renderDownloaded, type DeliveriesResult } from '../render/deliveries.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { renderJson } from '../render/json.js';
import type { DeliveriesArgs } from './deliveries.js';

export async function run(argv: DeliveriesArgs, io: CliIo): Promise<DeliveriesResult> {
  const config = await loadCheckedConfig(argv.config, io);
  // Bad filters are reported before state or credentials are touched.
  const criteria = toCriteria({ ...criteriaArgs(argv), ...(argv.aoi ? { aoi: await readAoiFile(argv.aoi, io.cwd) } : {}) });
  const ordered = orderedRange(argv.orderedFrom, argv.orderedTo);
  const query = { criteria, ...(ordered ? { ordered } : {}), ...(argv.status?.length ? { statuses: argv.status } : {}) };
  const store = openStore(config, io, { readOnly: true });
  try {
    const state = await store.read();
    const providers = Object.fromEntries(deliveryProviders(config, state).map((p) => [p.vendor, (config.providers as Record<string, unknown>)[p.vendor]]));
    return await withClients({ providers }, io, { debug: argv.debug }, async (clients): Promise<DeliveriesResult> => {
      const orders = await listDeliveries(state, config, clients, query);
      const filtered = Object.keys(criteria).length > 0 || ordered !== undefined || query.statuses !== undefined;
      if (!argv.download) return { orders, filtered };
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
      return { orders, filtered, download: { dir: argv.download, products: products.length, results, failures } };
    });
  } finally {
    await store.close();
  }
}

export function show({ orders, filtered, download }: DeliveriesResult, io: CliIo, argv: DeliveriesArgs): void {
  if (!download) {
    io.stdout(argv.output === 'json' ? renderJson(orders) : renderDeliveries(orders, filtered));
    return;
  }
  io.stdout(renderDownloaded(orders, download, { quiet: argv.quiet }));
  // Each product that failed, as the error it is (exit 1), after what was fetched.
  if (download.failures.length) {
    io.stderr(renderDiagnostics(download.failures, io.color));
    io.exitCode = 1;
  }
}
