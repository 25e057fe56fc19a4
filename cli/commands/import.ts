/** `orderform import ADDRESS REMOTE_ID`: adopt an existing remote object into state (reads the vendor, writes state only). */
import type { CliIo } from '../io.js';
import { withConfigOptions, type ConfigOptions, examples } from '../options.js';
import { defineCommand, perform, type CommandFactory } from './define.js';

export interface ImportArgs extends ConfigOptions {
  address: string;
  remoteId: string;
  debug: boolean;
}

export const importCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'import <address> <remoteId>',
  describe: 'Track an order, quotation decision or alert that already exists remotely, under a config address',
  builder: (y) =>
    withConfigOptions(y)
      .positional('address', { type: 'string', demandOption: true, describe: 'The address in the config, e.g. orders.paris-2024-q3' })
      .positional('remoteId', { type: 'string', demandOption: true, describe: 'OneAtlas salesOrderId or quotationId, Maxar order id, or alert id' })
      .example(
        examples([
          ['$0 import orders.paris-2024-q3 SAL000123', 'Adopt a OneAtlas order (legacy: once delivered)'],
          ['$0 import orders.denver-ard 10300100ORDER1', 'Adopt a Maxar ARD order'],
          ['$0 import alerts.paris-low-cloud 4f1c…', 'Adopt an alert created in the OneAtlas UI'],
        ]),
      ),
  handler: (args) => perform(import('./import-run.js'), args, io),
});
