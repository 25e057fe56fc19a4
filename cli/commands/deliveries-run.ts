/** The work of `orderform deliveries`, loaded only when the command runs (see deliveries.ts). */
import { resolve } from 'node:path';
import { downloadProduct, type DownloadResult } from '../../engine/deliveries/download.js';
import { deliveriesProvider, listDeliveries } from '../../engine/deliveries/list.js';
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
  // A config without OneAtlas is reported before credentials are read; only the OneAtlas key is needed.
  const config = await loadCheckedConfig(argv.config, io);
  const oneatlas = deliveriesProvider(config);
  // Bad filters are reported before state or credentials are touched.
  const criteria = toCriteria({ ...criteriaArgs(argv), ...(argv.aoi ? { aoi: await readAoiFile(argv.aoi, io.cwd) } : {}) });
  const store = openStore(config, io, { readOnly: true });
  try {
    return await withClients({ providers: { oneatlas } }, io, { debug: argv.debug }, async (clients): Promise<DeliveriesResult> => {
      const state = await store.read();
      const orders = await listDeliveries(state, config, clients.oneatlas!, criteria);
      if (!argv.download) return { orders };
      const products = orders.flatMap((o) => o.products);
      const bar = createProgress(io, { quiet: argv.quiet, unit: 'bytes' });
      bar.start('Downloading', products.reduce((n, p) => n + (p.size ?? 0), 0));
      const failures: Diagnostic[] = [];
      const results: DownloadResult[] = [];
      for (const product of products) {
        try {
          const result = await downloadProduct(product, {
            client: clients.oneatlas!,
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
      return { orders, download: { dir: argv.download, products: products.length, results, failures } };
    });
  } finally {
    await store.close();
  }
}

export function show({ orders, download }: DeliveriesResult, io: CliIo, argv: DeliveriesArgs): void {
  if (!download) {
    io.stdout(argv.output === 'json' ? renderJson(orders) : renderDeliveries(orders));
    return;
  }
  io.stdout(renderDownloaded(download, { quiet: argv.quiet }));
  // Each product that failed, as the error it is (exit 1), after what was fetched.
  if (download.failures.length) {
    io.stderr(renderDiagnostics(download.failures, io.color));
    io.exitCode = 1;
  }
}
