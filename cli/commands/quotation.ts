/** `orderform quotation export ADDRESS --out FILE.pdf`: the Pléiades Neo quotation a reviewer decides, as the vendor's PDF. */
import type { Argv } from 'yargs';
import type { CliIo } from '../io.js';
import { examples, withConfigOptions, type ConfigOptions } from '../options.js';
import type { CommandFactory } from './define.js';

export interface QuotationExportArgs extends ConfigOptions {
  address: string;
  out?: string;
  debug: boolean;
}

export const quotationCommand: CommandFactory = (io: CliIo) => ({
  command: 'quotation <command>',
  describe: 'Pléiades Neo quotations: export one as the vendor\'s PDF',
  builder: (y: Argv) =>
    y
      .command({
        command: 'export <address>',
        describe: 'Write the PDF of the quotation of a Pléiades Neo order or quotation decision (read only)',
        builder: (b: Argv) =>
          withConfigOptions(b)
            .positional('address', { type: 'string', demandOption: true, describe: 'orders.<key> (a Pléiades Neo order) or quotations.<key>' })
            .option('out', { alias: 'o', type: 'string', requiresArg: true, describe: 'PDF file to write (default <quotationId>.pdf)' })
            .example(
              examples([
                ['$0 quotation export quotations.neo-paris --out neo-paris.pdf', 'The quotation a reviewer accepts or refuses'],
                ['$0 quotation export orders.neo-paris', 'Same, by the order; written as QUO….pdf'],
              ]),
            ),
        handler: async (raw: unknown) => (await import('./quotation-run.js')).runQuotationExport(raw as QuotationExportArgs, io),
      })
      .demandCommand(1, 'Name a quotation command: export.'),
  handler: () => undefined,
});
