/** `orderform quotation export ADDRESS --out FILE.pdf`: the Pléiades Neo quotation a reviewer decides, as the vendor's PDF. */
import type { CliIo } from '../io.js';
import { examples, withConfigOptions, type ConfigOptions, type GlobalOptions } from '../options.js';
import { defineCommand, perform, type CommandFactory } from './define.js';

export interface QuotationExportArgs extends ConfigOptions, GlobalOptions {
  address: string;
  out?: string | undefined;
}

export const quotationCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'quotation <command>',
  describe: 'Pléiades Neo quotations: export one as the vendor\'s PDF',
  builder: (y) =>
    y
      .command(defineCommand({
        command: 'export <address>',
        describe: 'Write the PDF of the quotation of a Pléiades Neo order or quotation decision (read only)',
        builder: (b) =>
          withConfigOptions(b)
            .positional('address', { type: 'string', demandOption: true, describe: 'orders.<key> (a Pléiades Neo order) or quotations.<key>' })
            .option('out', { alias: 'o', type: 'string', requiresArg: true, describe: 'PDF file to write (default <quotationId>.pdf)' })
            .example(
              examples([
                ['$0 quotation export quotations.neo-paris --out neo-paris.pdf', 'The quotation a reviewer accepts or refuses'],
                ['$0 quotation export orders.neo-paris', 'Same, by the order; written as QUO….pdf'],
              ]),
            ),
        handler: (args) => perform(import('./quotation-run.js'), args, io),
      }))
      .demandCommand(1, 'Name a quotation command: export.'),
  handler: () => undefined,
});
