/** `orderform search --vendor maxar`, loaded only when asked (see search.ts). */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import type { ReachableProviders } from '../../engine/discover/reachable-providers.js';
import { readAoiFile } from '../../engine/search/aoi-file.js';
import { appendOrders } from '../../engine/search/append-orders.js';
import { pickHits } from '../../engine/search/catalog-search.js';
import { maxarOrderEntries, selectMaxar } from '../../engine/search/maxar-select.js';
import { aoiNameOf, skeletonYaml } from '../../engine/search/order-skeleton.js';
import { withClients } from '../context.js';
import type { CliIo } from '../io.js';
import type { SearchResult } from '../render/search.js';
import type { SearchArgs } from './search.js';
import { pickedNumbers, requirePick } from './search-run.js';

export async function runMaxarSearch(argv: SearchArgs, reach: ReachableProviders, io: CliIo): Promise<SearchResult> {
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
  if (argv.output === 'json') return { show: 'json', data: found };
  if (found.hits.length === 0) return { show: 'nothing', vendor: 'maxar' };
  requirePick(argv, found.hits.length);
  const picked = pickHits(found.hits, pickedNumbers(argv));
  const configDir = reach.config?.files[0] ? dirname(reach.config.files[0]) : io.cwd;
  const target = argv.append ? resolve(io.cwd, argv.append) : undefined;
  const entries = maxarOrderEntries(picked, {
    aoiName: aoiNameOf(basename(argv.aoi)),
    // AOI files are relative to the file the order lands in.
    aoi: { file: relative(target ? dirname(target) : configDir, resolve(io.cwd, argv.aoi)).split(sep).join('/') },
  });
  if (target) return { show: 'appended', vendor: 'maxar', keys: await appendOrders(target, argv.append!, entries), file: argv.append! };
  const yaml = skeletonYaml(entries);
  return argv.output === 'yaml' ? { show: 'skeleton', yaml } : { show: 'listing', listing: { vendor: 'maxar', selection: found }, yaml };
}
