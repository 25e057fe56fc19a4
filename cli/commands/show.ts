/** `orderform show FILE`: renders a plan saved by `plan --out`, offline. */
import type { Argv } from 'yargs';
import type { CliIo } from '../io.js';
import type { CommandFactory } from './index.js';
import { withOutputOptions, type OutputOptions } from './plan.js';
import { examples } from '../options.js';

export interface ShowArgs extends OutputOptions {
  file: string;
  detailedExitcode: boolean;
}

export const showCommand: CommandFactory = (io: CliIo) => ({
  command: 'show <file>',
  describe: 'Show a saved plan (no network call)',
  builder: (y: Argv) =>
    withOutputOptions(y.positional('file', { type: 'string', demandOption: true, describe: 'A plan saved with `orderform plan --out FILE`' }))
      .option('detailed-exitcode', { type: 'boolean', default: false, describe: 'Exit 0 with no changes, 1 when not applyable, 2 with changes' })
      .example(
        examples([
          ['$0 show plan.json', 'Review a saved plan'],
          ['$0 show plan.json --output markdown', 'The whole saved plan in Markdown, uncut (plan cuts it to fit a PR comment)'],
        ]),
      ),
  handler: async (raw) => (await import('./show-run.js')).runShow(raw as unknown as ShowArgs, io),
});
