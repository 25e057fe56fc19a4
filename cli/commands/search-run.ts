/** The work of `orderform search`, loaded only when the command runs (see search.ts). */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { reachableProviders } from '../../engine/discover/reachable-providers.js';
import { readAoiFile } from '../../engine/search/aoi-file.js';
import { pickHits, searchCatalog, type SearchHit } from '../../engine/search/catalog-search.js';
import { appendOrders } from '../../engine/search/append-orders.js';
import { aoiNameOf, orderEntries, orderSkeleton } from '../../engine/search/order-skeleton.js';
import { DiagnosticsError, error } from '../../engine/diagnostics.js';
import { printWarnings, withClients } from '../context.js';
import { criteriaArgs } from '../criteria-options.js';
import type { CliIo } from '../io.js';
import { renderTable } from '../render/table.js';
import type { SearchArgs } from './search.js';

export async function runSearch(argv: SearchArgs, io: CliIo): Promise<void> {
  const reach = await reachableProviders(argv.config, { cwd: io.cwd, env: io.env });
  printWarnings(reach.diagnostics, io);
  if (argv.vendor === 'maxar') return (await import('./search-maxar-run.js')).runMaxarSearch(argv, reach, io);
  const aoi = await readAoiFile(argv.aoi, io.cwd);
  const pick = argv.pick === undefined ? undefined : argv.pick.split(',').map((s) => Number(s.trim()));
  const hits = await withClients({ providers: { oneatlas: reach.providers.oneatlas } }, io, { debug: argv.debug }, (clients) =>
    searchCatalog(clients.oneatlas!, {
      aoi,
      limit: argv.limit,
      ...criteriaArgs(argv),
      ...(argv.constellation ? { constellations: argv.constellation } : {}),
      ...(argv.sort ? { sort: argv.sort } : {}),
    }),
  );
  if (argv.output === 'json') {
    io.stdout(`${JSON.stringify(hits, null, 2)}\n`);
    return;
  }
  if (hits.length === 0) {
    io.stderr('No archive image matches; widen the dates or the cloud and incidence limits.\n');
    return;
  }
  requirePick(argv, hits.length);
  const picked = pickHits(hits, pick);
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
  if (target) {
    const keys = await appendOrders(target, argv.append!, orderEntries(picked, ctx));
    io.stdout(`Added ${keys.map((k) => `orders.${k}`).join(', ')} to ${argv.append}. Next: orderform validate -c ${argv.append} && orderform plan -c ${argv.append}\n`);
    return;
  }
  const skeleton = orderSkeleton(picked, ctx);
  if (argv.output === 'yaml') {
    io.stdout(skeleton);
    return;
  }
  io.stdout(renderHits(hits));
  io.stdout(`\nOrder skeleton (append to your config; --output yaml prints only this):\n\n${skeleton}`);
}

/** Every listed item as an order would buy them all: YAML is written only for the items picked. */
export function requirePick(argv: SearchArgs, count: number): void {
  if ((argv.output === 'yaml' || argv.append) && !argv.pick && count > 1) {
    throw new DiagnosticsError([error('SEARCH_PICK_REQUIRED', `${count} items match; ${argv.append ? '--append' : '--output yaml'} needs --pick to say which to order`, undefined,
      `Look at the list (\`orderform search\` without --output), then e.g. --pick 1 or --pick 1,3.`)]);
  }
}

function renderHits(hits: readonly SearchHit[]): string {
  const num = (v: number | undefined) => (v === undefined ? '' : v.toFixed(1));
  return renderTable(
    [{ header: '#', align: 'right' }, { header: 'id' }, { header: 'mission' }, { header: 'platform' }, { header: 'acquired' }, { header: 'cloud %', align: 'right' }, { header: 'incidence °', align: 'right' }],
    hits.map((h) => [String(h.index), h.id, h.mission ?? h.constellation, h.platform, h.acquisitionDate.slice(0, 16).replace('T', ' '), num(h.cloudCover), num(h.incidenceAngle)]),
  );
}
