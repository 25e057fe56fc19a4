/** The work of `orderform search`, loaded only when the command runs (see search.ts). */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { reachableProviders } from '../../engine/discover/reachable-providers.js';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import type { Providers } from '../../engine/model.js';
import { providerNamed } from '../../engine/providers/registry.js';
import { readAoiFile } from '../../engine/search/aoi-file.js';
import { appendOrders } from '../../engine/search/append-orders.js';
import { aoiNameOf, skeletonYaml } from '../../engine/search/order-skeleton.js';
import { printWarnings, withClients } from '../context.js';
import { criteriaArgs } from '../criteria-options.js';
import type { CliIo } from '../io.js';
import { renderNoMatch, renderSearch, type SearchResult } from '../render/search.js';
import type { SearchArgs } from './search.js';

export async function run(argv: SearchArgs, io: CliIo): Promise<SearchResult> {
  const reach = await reachableProviders(argv.config, { cwd: io.cwd, env: io.env });
  printWarnings(reach.diagnostics, io);
  const vendor = argv.vendor;
  const p = providerNamed(vendor);
  const search = p.search;
  if (!search) throw new Error(`provider ${vendor} has no search`);
  const settings = (reach.providers as Record<string, unknown>)[vendor];
  if (!settings) {
    const said = search.unreachable ?? { summary: `search --vendor ${vendor} needs providers.${vendor}`, detail: `Declare providers.${vendor} in the config.` };
    throw new DiagnosticsError([error('PROVIDER_NOT_DECLARED', said.summary, undefined, said.detail)]);
  }
  const aoi = await readAoiFile(argv.aoi, io.cwd);
  const found = await withClients({ providers: { [vendor]: settings } as Providers }, io, { debug: argv.debug }, (clients) =>
    search.run(p.clientOf(clients), {
      aoi,
      limit: argv.limit,
      ...criteriaArgs(argv),
      options: { constellation: argv.constellation, category: argv.category, sort: argv.sort },
    }),
  );
  if (argv.output === 'json') return { show: 'json', data: found };
  const count = search.count(found);
  if (count === 0) return { show: 'nothing', vendor };
  requirePick(argv, count);
  // AOI files in a config are relative to that config file.
  const configDir = reach.config?.files[0] ? dirname(reach.config.files[0]) : io.cwd;
  const target = argv.append ? resolve(io.cwd, argv.append) : undefined;
  const entries = search.orders(found, pickedNumbers(argv), {
    aoiName: aoiNameOf(basename(argv.aoi)),
    polygon: aoi,
    // AOI files are relative to the file the orders land in.
    aoi: { file: relative(target ? dirname(target) : configDir, resolve(io.cwd, argv.aoi)).split(sep).join('/') },
    settings,
  });
  if (target) return { show: 'appended', vendor, keys: await appendOrders(target, argv.append!, entries), file: argv.append! };
  const yaml = skeletonYaml(entries);
  return argv.output === 'yaml' ? { show: 'skeleton', yaml } : { show: 'listing', vendor, found, yaml };
}

export function show(result: SearchResult, io: CliIo): void {
  if (result.show === 'nothing') io.stderr(renderNoMatch(result.vendor));
  else io.stdout(renderSearch(result));
}

/** `--pick 1,3` as item numbers (none: every item). */
const pickedNumbers = (argv: Pick<SearchArgs, 'pick'>): number[] | undefined => argv.pick?.split(',').map((s) => Number(s.trim()));

/** Every listed item as an order would buy them all: YAML is written only for the items picked. */
function requirePick(argv: SearchArgs, count: number): void {
  if ((argv.output === 'yaml' || argv.append) && !argv.pick && count > 1) {
    throw new DiagnosticsError([error('SEARCH_PICK_REQUIRED', `${count} items match; ${argv.append ? '--append' : '--output yaml'} needs --pick to say which to order`, undefined,
      `Look at the list (\`orderform search\` without --output), then e.g. --pick 1 or --pick 1,3.`)]);
  }
}
