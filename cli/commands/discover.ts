import type { CliIo } from '../io.js';
import { withConfigOptions, type ConfigOptions, examples } from '../options.js';
import { defineCommand, perform, type CommandFactory } from './define.js';

export interface DiscoverArgs extends ConfigOptions {
  productType?: string;
  aoi?: string;
  maxarAccount?: string;
  output: 'text' | 'json';
  write?: string;
  debug: boolean;
}

/** `orderform discover`: what the account holds, as tables, JSON, or written into the config's providers block. */
export const discoverCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'discover',
  describe: 'List your contracts, workspaces, product types, markets, delivery types, labels and Maxar account (read only)',
  builder: (y) =>
    withConfigOptions(y)
      .option('product-type', { type: 'string', requiresArg: true, describe: 'Also list the production options of this product type' })
      .option('aoi', { type: 'string', requiresArg: true, describe: 'GeoJSON AOI the production options are asked for' })
      .option('maxar-account', { type: 'string', requiresArg: true, describe: 'Maxar ARD account id (default: the config\'s, else the account of the login in ORDERFORM_MAXAR_USERNAME)' })
      .option('output', { alias: 'o', choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' })
      .option('write', { type: 'string', requiresArg: true, describe: 'Write the providers block (contracts, workspaces, Maxar account) into this config file, keeping its comments' })
      .example(
        examples([
          ['$0 discover', 'Tables of everything your OneAtlas key can order'],
          ['$0 discover --write orders.yaml --maxar-account 557471230760500000', 'Fill in the providers block of orders.yaml'],
          ['$0 discover --product-type PleiadesArchiveMono --aoi site.geojson', 'Production options of one product type'],
        ]),
      ),
  handler: (args) => perform(import('./discover-run.js'), args, io),
});
