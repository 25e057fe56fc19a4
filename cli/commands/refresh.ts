/**
 * `orderform refresh`: record remote truth in state — adopt intents found by reference, follow
 * order and quotation statuses, keep alert renames and deletions — without any remote change.
 */
import type { CliIo } from '../io.js';
import { withConfigOptions, withRunOptions, type ConfigOptions, type RunOptions, examples } from '../options.js';
import { defineCommand, perform, type CommandFactory } from './define.js';

export type RefreshArgs = ConfigOptions & RunOptions;

export const refreshCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'refresh',
  describe: 'Update state from what the vendors report (reads only; takes the state lock)',
  builder: (y) =>
    withRunOptions(withConfigOptions(y), { parallelism: true })
      .example(
        examples([
          ['$0 refresh', 'Record deliveries, expired quotations and changes made outside orderform'],
          ['$0 refresh -c orders.yaml', 'Refresh the state of orders.yaml'],
          ['$0 refresh --quiet', 'Only the summary line, not one line per resource updated'],
        ]),
      ),
  handler: (args) => perform(import('./refresh-run.js'), args, io),
});
