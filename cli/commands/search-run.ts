/** The work of `orderform search`, loaded only when the command runs (see search.ts). */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { reachableProviders } from '../../engine/discover/reachable-providers.js';
import { readAoiFile } from '../../engine/search/aoi-file.js';
import { pickHits, searchCatalog } from '../../engine/search/catalog-search.js';
import { appendOrders } from '../../engine/search/append-orders.js';
import { aoiNameOf, orderEntries, orderSkeleton } from '../../engine/search/order-skeleton.js';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import { printWarnings, withClients } from '../context.js';
import { criteriaArgs } from '../criteria-options.js';
import type { CliIo } from '../io.js';
import { renderNoMatch, renderSearch, type SearchResult } from '../render/search.js';
import type { SearchArgs } from './search.js';

export async function run(argv: SearchArgs, io: CliIo): Promise<SearchResult> {
  const reach = await reachableProviders(argv.config, { cwd: io.cwd, env: io.env });
  printWarnings(reach.diagnostics, io);
  if (argv.vendor === 'maxar') return (await import('./search-maxar-run.js')).runMaxarSearch(argv, reach, io);
  const aoi = await readAoiFile(argv.aoi, io.cwd);
  const hits = await withClients({ providers: { oneatlas: reach.providers.oneatlas } }, io, { debug: argv.debug }, (clients) =>
    searchCatalog(clients.oneatlas!, {
      aoi,
      limit: argv.limit,
      ...criteriaArgs(argv),
      ...(argv.constellation ? { constellations: argv.constellation } : {}),
      ...(argv.sort ? { sort: argv.sort } : {}),
    }),
  );
  if (argv.output === 'json') return { show: 'json', data: hits };
  if (hits.length === 0) return { show: 'nothing', vendor: 'oneatlas' };
  requirePick(argv, hits.length);
  const picked = pickHits(hits, pickedNumbers(argv));
  // AOI files in a config are relative to that config file.
  const configDir = reach.config?.files[0] ? dirname(reach.config.files[0]) : io.cwd;
  const target = argv.append ? resolve(io.cwd, argv.append) : undefined;
  const ctx = {
    aoiName: aoiNameOf(basename(argv.aoi)),
    polygon: aoi,
    // AOI files are relative to the file the orders land in.
    aoi: { file: relative(target ? dirname(target) : configDir, resolve(io.cwd, argv.aoi)).split(sep).join('/') },
    contracts: reach.providers.oneatlas?.contracts ?? [],
  };
  if (target) return { show: 'appended', vendor: 'oneatlas', keys: await appendOrders(target, argv.append!, orderEntries(picked, ctx)), file: argv.append! };
  const yaml = orderSkeleton(picked, ctx);
  return argv.output === 'yaml' ? { show: 'skeleton', yaml } : { show: 'listing', listing: { vendor: 'oneatlas', hits }, yaml };
}

export function show(result: SearchResult, io: CliIo): void {
  if (result.show === 'nothing') io.stderr(renderNoMatch(result.vendor));
  else io.stdout(renderSearch(result));
}

/** `--pick 1,3` as item numbers (none: every item). */
export const pickedNumbers = (argv: Pick<SearchArgs, 'pick'>): number[] | undefined => argv.pick?.split(',').map((s) => Number(s.trim()));

/** Every listed item as an order would buy them all: YAML is written only for the items picked. */
export function requirePick(argv: SearchArgs, count: number): void {
  if ((argv.output === 'yaml' || argv.append) && !argv.pick && count > 1) {
    throw new DiagnosticsError([error('SEARCH_PICK_REQUIRED', `${count} items match; ${argv.append ? '--append' : '--output yaml'} needs --pick to say which to order`, undefined,
      `Look at the list (\`orderform search\` without --output), then e.g. --pick 1 or --pick 1,3.`)]);
  }
}
