import type { Constellation } from '../../engine/providers/oneatlas/catalog-search.js';
import type { AgeCategory } from '../../engine/providers/maxar-ard/pricing.js';
import type { CliIo } from '../io.js';
import { withCriteriaOptions, type CriteriaOptions } from '../criteria-options.js';
import { withConfigOptions, type ConfigOptions, examples } from '../options.js';
import { defineCommand, perform, type CommandFactory } from './define.js';

export interface SearchArgs extends ConfigOptions, CriteriaOptions {
  vendor: 'oneatlas' | 'maxar';
  aoi: string;
  constellation?: Constellation[];
  category?: AgeCategory[];
  sort?: string;
  limit: number;
  pick?: string;
  append?: string;
  output: 'text' | 'yaml' | 'json';
  debug: boolean;
}

/** `orderform search`: the OneAtlas catalogue (or a Maxar ARD select) over an AOI, and an order skeleton of what is picked. */
export const searchCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'search',
  describe: 'Search the OneAtlas or Maxar ARD archive over an AOI and print an order of what you pick',
  // CONSTELLATIONS lives beside the catalogue client, so it is loaded when search is parsed, not at every start.
  builder: async (y) => {
    const { CONSTELLATIONS } = await import('../../engine/providers/oneatlas/catalog-search.js');
    return withCriteriaOptions(withConfigOptions(y), { updated: true })
      .option('vendor', { choices: ['oneatlas', 'maxar'] as const, default: 'oneatlas' as const, describe: 'oneatlas: the archive catalogue; maxar: a Maxar ARD select with its estimated cost per age category' })
      .option('aoi', { type: 'string', demandOption: true, requiresArg: true, describe: 'GeoJSON file: a Polygon, a Feature or a one-Feature collection' })
      .option('constellation', { type: 'string', array: true, choices: CONSTELLATIONS, describe: 'Only these constellations (repeatable; OneAtlas)' })
      .option('category', { type: 'string', array: true, choices: ['fresh', 'standard', 'training'] as const satisfies readonly AgeCategory[], describe: 'Only these image-age categories (repeatable; Maxar)' })
      .option('sort', { type: 'string', requiresArg: true, describe: 'Sort fields, `-` for descending (default -acquisitionDate,cloudCover)' })
      .option('limit', { type: 'number', default: 20, requiresArg: true, describe: 'Items to list (1–500)' })
      .option('pick', { type: 'string', requiresArg: true, describe: 'Items to order, by number: 1,3 (required with --output yaml and --append when more than one item matches)' })
      .option('append', { type: 'string', requiresArg: true, describe: 'Add the picked orders under `orders:` in this config file (created if missing; a key already there is refused)' })
      .option('output', { alias: 'o', choices: ['text', 'yaml', 'json'] as const, default: 'text' as const, describe: 'text: table and skeleton; yaml: the skeleton of the picked items only; json: the items' })
      .example(
        examples([
          ['$0 search --aoi site.geojson --from 2024-01-01 --max-cloud 10', 'Recent, clear archive images over the site'],
          ['$0 search --aoi site.geojson --pick 1,3 --append orders.yaml', 'Add orders for items 1 and 3 of the listing to the config'],
          ['$0 search --aoi site.geojson --pick 1 -o yaml > orders/site.yaml', 'The order for item 1 as its own file in a config folder'],
          ['$0 search --aoi site.geojson --updated-from 2025-06-01', 'Harvest: what the catalogue added or changed since June 1st'],
          ['$0 search --vendor maxar --aoi site.geojson --pick 1,2', 'Maxar ARD acquisitions and their estimated cost; order #1 and #2'],
        ]),
      );
  },
  handler: (args) => perform(import('./search-run.js'), args, io),
});
