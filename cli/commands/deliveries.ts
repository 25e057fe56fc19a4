import { resolve } from 'node:path';
import { downloadProduct, type DownloadResult } from '../../engine/deliveries/download.js';
import { listDeliveries, type OrderDeliveries } from '../../engine/deliveries/list.js';
import { DiagnosticsError, error, type Diagnostic } from '../../engine/diagnostics.js';
import { withSession } from '../context.js';
import type { CliIo } from '../io.js';
import { withConfigOptions, withRunOptions, type ConfigOptions, type RunOptions } from '../options.js';
import { createProgress } from '../render/progress.js';
import { formatBytes, renderTable } from '../render/table.js';
import type { CommandFactory } from './index.js';

interface DeliveriesArgs extends ConfigOptions, RunOptions {
  download?: string;
  output: 'text' | 'json';
}

/** `orderform deliveries`: delivered products of the orders in state, and `--download DIR` to fetch them. */
export const deliveriesCommand: CommandFactory = (io: CliIo) => ({
  command: 'deliveries',
  describe: 'List the delivered products of the OneAtlas orders in state; --download fetches them (resumable, checksummed)',
  builder: (y) =>
    withRunOptions(withConfigOptions(y))
      .option('download', { type: 'string', requiresArg: true, describe: 'Download every delivered product into this folder (skips complete files, resumes partial ones)' })
      .option('output', { alias: 'o', choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format of the listing' })
      .example('$0 deliveries', 'What has been delivered so far')
      .example('$0 deliveries --download ./imagery', 'Fetch it; run again to resume an interrupted download')
      .example('$0 deliveries --download ./imagery --quiet', 'No progress bar and no line per file: only the count and failures'),
  handler: async (args) => {
    const argv = args as unknown as DeliveriesArgs;
    await withSession(argv, io, { readOnly: true }, async ({ config, store, clients }) => {
      if (!config.providers.oneatlas) throw new DiagnosticsError([error('NO_ONEATLAS_PROVIDER', 'the config declares no OneAtlas provider', undefined, 'deliveries lists OneAtlas orders; run orderform discover --write first')]);
      const state = await store.read();
      const orders = await listDeliveries(state, config, clients.oneatlas!);
      if (!argv.download) {
        io.stdout(argv.output === 'json' ? `${JSON.stringify(orders, null, 2)}\n` : renderDeliveries(orders));
        return;
      }
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
      if (!argv.quiet) for (const r of results) io.stdout(`${r.outcome.padEnd(10)} ${r.path} (${formatBytes(r.bytes)}, sha256 ${r.sha256.slice(0, 12)}…)\n`);
      io.stdout(`${results.length} of ${products.length} product${products.length === 1 ? '' : 's'} in ${argv.download}\n`);
      if (failures.length) throw new DiagnosticsError(failures);
    });
  },
});

function renderDeliveries(orders: readonly OrderDeliveries[]): string {
  if (!orders.length) return 'No OneAtlas order in state yet.\n';
  const rows = orders.flatMap((o) =>
    o.products.length
      ? o.products.map((p) => [o.address, o.salesOrderId ?? '', p.id, p.acquisitionDate?.slice(0, 10) ?? '', p.size === undefined ? '' : formatBytes(p.size)])
      : [[o.address, o.salesOrderId ?? '', '(not delivered yet)', '', '']],
  );
  return renderTable([{ header: 'order' }, { header: 'salesOrderId' }, { header: 'product' }, { header: 'acquired' }, { header: 'size', align: 'right' }], rows);
}
