/** `orderform search --vendor maxar`, loaded only when asked (see search.ts). */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import type { ReachableProviders } from '../../engine/discover/reachable-providers.js';
import { readAoiFile } from '../../engine/search/aoi-file.js';
import { appendOrders } from '../../engine/search/append-orders.js';
import { pickHits } from '../../engine/search/catalog-search.js';
import { maxarOrderEntries, selectMaxar, type MaxarSelection } from '../../engine/search/maxar-select.js';
import { aoiNameOf, skeletonYaml } from '../../engine/search/order-skeleton.js';
import { formatMoney } from '../../engine/plan/summary.js';
import { withClients } from '../context.js';
import type { CliIo } from '../io.js';
import { renderTable } from '../render/table.js';
import type { SearchArgs } from './search.js';
import { requirePick } from './search-run.js';

export async function runMaxarSearch(argv: SearchArgs, reach: ReachableProviders, io: CliIo): Promise<void> {
  const maxar = reach.providers.maxar;
  if (!maxar) {
    throw new DiagnosticsError([error('PROVIDER_NOT_DECLARED', 'search --vendor maxar needs a Maxar ARD login', undefined,
      'Set ORDERFORM_MAXAR_USERNAME and ORDERFORM_MAXAR_PASSWORD, or declare providers.maxar in the config.')]);
  }
  const aoi = await readAoiFile(argv.aoi, io.cwd);
  const found = await withClients({ providers: { maxar } }, io, { debug: argv.debug }, (clients) =>
    selectMaxar(clients.maxar!, {
      aoi,
      limit: argv.limit,
      ...(argv.from ? { from: argv.from } : {}),
      ...(argv.to ? { to: argv.to } : {}),
      ...(argv.maxCloud !== undefined ? { maxCloud: argv.maxCloud } : {}),
      ...(argv.category ? { categories: argv.category } : {}),
    }),
  );
  if (argv.output === 'json') {
    io.stdout(`${JSON.stringify(found, null, 2)}\n`);
    return;
  }
  if (found.hits.length === 0) {
    io.stderr('No Maxar ARD acquisition covers the AOI; widen the dates, the cloud limit or the categories.\n');
    return;
  }
  requirePick(argv, found.hits.length);
  const picked = pickHits(found.hits, argv.pick === undefined ? undefined : argv.pick.split(',').map((n) => Number(n.trim())));
  const configDir = reach.config?.files[0] ? dirname(reach.config.files[0]) : io.cwd;
  const target = argv.append ? resolve(io.cwd, argv.append) : undefined;
  const entries = maxarOrderEntries(picked, {
    aoiName: aoiNameOf(basename(argv.aoi)),
    // AOI files are relative to the file the order lands in.
    aoi: { file: relative(target ? dirname(target) : configDir, resolve(io.cwd, argv.aoi)).split(sep).join('/') },
  });
  if (target) {
    const keys = await appendOrders(target, argv.append!, entries);
    io.stdout(`Added ${keys.map((k) => `orders.${k}`).join(', ')} to ${argv.append}: set its output bucket, then orderform plan -c ${argv.append}\n`);
    return;
  }
  const skeleton = skeletonYaml(entries);
  if (argv.output === 'yaml') {
    io.stdout(skeleton);
    return;
  }
  io.stdout(renderSelection(found));
  io.stdout(`\nMaxar order (append to your config; --output yaml prints only this):\n\n${skeleton}`);
}

function renderSelection(s: MaxarSelection): string {
  const hits = renderTable(
    [{ header: '#', align: 'right' }, { header: 'acquisition' }, { header: 'acquired' }, { header: 'category' }, { header: 'platform' }, { header: 'cloud-free %', align: 'right' }, { header: 'tiles', align: 'right' }],
    s.hits.map((h) => [String(h.index), h.id, h.acquired.slice(0, 10), h.category, h.platform ?? '', h.cloudFree === undefined ? '' : h.cloudFree.toFixed(1), String(h.cells)]),
  );
  const money = (v: number | null) => (v === null ? 'not priced for this account' : formatMoney(v, 'USD'));
  const estimate = renderTable(
    [{ header: 'category' }, { header: 'km²', align: 'right' }, { header: 'estimated cost', align: 'right' }],
    [...s.estimate.map((e) => [e.category, e.km2.toFixed(2), money(e.cost)]), ['total', '', money(s.total)]],
  );
  return `${hits}\nMaxar's estimate for ordering every acquisition above over the AOI (select ${s.selectId}; a select costs nothing):\n${estimate}`;
}
