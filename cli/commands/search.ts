import { basename, dirname, relative, resolve, sep } from 'node:path';
import { reachableProviders } from '../../engine/discover/reachable-providers.js';
import { readAoiFile } from '../../engine/search/aoi-file.js';
import { CONSTELLATIONS, pickHits, searchCatalog, type Constellation, type SearchHit } from '../../engine/search/catalog-search.js';
import { aoiNameOf, orderSkeleton } from '../../engine/search/order-skeleton.js';
import { printWarnings, withClients } from '../context.js';
import type { CliIo } from '../io.js';
import { withConfigOptions, type ConfigOptions } from '../options.js';
import { renderTable } from '../render/table.js';
import type { CommandFactory } from './index.js';

interface SearchArgs extends ConfigOptions {
  aoi: string;
  from?: string;
  to?: string;
  maxCloud?: number;
  maxIncidence?: number;
  constellation?: Constellation[];
  sort?: string;
  limit: number;
  pick?: string;
  output: 'text' | 'yaml' | 'json';
  debug: boolean;
}

/** `orderform search`: the OneAtlas catalogue over an AOI, and an order skeleton of the items picked. */
export const searchCommand: CommandFactory = (io: CliIo) => ({
  command: 'search',
  describe: 'Search the OneAtlas archive over an AOI and print an order skeleton of the items you pick',
  builder: (y) =>
    withConfigOptions(y)
      .option('aoi', { type: 'string', demandOption: true, requiresArg: true, describe: 'GeoJSON file: a Polygon, a Feature or a one-Feature collection' })
      .option('from', { type: 'string', requiresArg: true, describe: 'Acquired on or after (YYYY-MM-DD or ISO 8601)' })
      .option('to', { type: 'string', requiresArg: true, describe: 'Acquired on or before (a bare date includes the day)' })
      .option('max-cloud', { type: 'number', requiresArg: true, describe: 'Largest cloud cover, %' })
      .option('max-incidence', { type: 'number', requiresArg: true, describe: 'Largest incidence angle, degrees' })
      .option('constellation', { type: 'string', array: true, choices: CONSTELLATIONS, describe: 'Only these constellations (repeatable)' })
      .option('sort', { type: 'string', requiresArg: true, describe: 'Sort fields, `-` for descending (default -acquisitionDate,cloudCover)' })
      .option('limit', { type: 'number', default: 20, requiresArg: true, describe: 'Items to list (1–500)' })
      .option('pick', { type: 'string', requiresArg: true, describe: 'Items for the order skeleton, by number: 1,3 (default: all listed)' })
      .option('output', { alias: 'o', choices: ['text', 'yaml', 'json'] as const, default: 'text' as const, describe: 'text: table and skeleton; yaml: the skeleton only; json: the items' })
      .example('$0 search --aoi site.geojson --from 2024-01-01 --max-cloud 10', 'Recent, clear archive images over the site')
      .example('$0 search --aoi site.geojson --constellation PHR --pick 1,3 --output yaml >> orders.yaml', 'Append orders for items 1 and 3 to the config'),
  handler: async (args) => {
    const argv = args as unknown as SearchArgs;
    const reach = await reachableProviders(argv.config, { cwd: io.cwd, env: io.env });
    printWarnings(reach.diagnostics, io);
    const aoi = await readAoiFile(argv.aoi, io.cwd);
    const pick = argv.pick === undefined ? undefined : argv.pick.split(',').map((s) => Number(s.trim()));
    const hits = await withClients({ providers: { oneatlas: reach.providers.oneatlas } }, io, { debug: argv.debug }, (clients) =>
      searchCatalog(clients.oneatlas!, {
        aoi,
        limit: argv.limit,
        ...(argv.from ? { from: argv.from } : {}),
        ...(argv.to ? { to: argv.to } : {}),
        ...(argv.maxCloud !== undefined ? { maxCloud: argv.maxCloud } : {}),
        ...(argv.maxIncidence !== undefined ? { maxIncidence: argv.maxIncidence } : {}),
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
    const picked = pickHits(hits, pick);
    // AOI files in a config are relative to that config file.
    const configDir = reach.config?.files[0] ? dirname(reach.config.files[0]) : io.cwd;
    const skeleton = orderSkeleton(picked, {
      aoiName: aoiNameOf(basename(argv.aoi)),
      polygon: aoi,
      aoi: { file: relative(configDir, resolve(io.cwd, argv.aoi)).split(sep).join('/') },
      contracts: reach.providers.oneatlas?.contracts ?? [],
    });
    if (argv.output === 'yaml') {
      io.stdout(skeleton);
      return;
    }
    io.stdout(renderHits(hits));
    io.stdout(`\nOrder skeleton (append to your config; --output yaml prints only this):\n\n${skeleton}`);
  },
});

function renderHits(hits: readonly SearchHit[]): string {
  const num = (v: number | undefined) => (v === undefined ? '' : v.toFixed(1));
  return renderTable(
    [{ header: '#', align: 'right' }, { header: 'id' }, { header: 'mission' }, { header: 'platform' }, { header: 'acquired' }, { header: 'cloud %', align: 'right' }, { header: 'incidence °', align: 'right' }],
    hits.map((h) => [String(h.index), h.id, h.mission ?? h.constellation, h.platform, h.acquisitionDate.slice(0, 16).replace('T', ' '), num(h.cloudCover), num(h.incidenceAngle)]),
  );
}
