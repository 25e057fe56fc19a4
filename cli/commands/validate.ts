import type { CliIo } from '../io.js';
import { withConfigOptions, type ConfigOptions, examples } from '../options.js';
import { defineCommand, perform, type CommandFactory } from './define.js';

export interface ValidateArgs extends ConfigOptions {
  files?: string[] | undefined;
}

/** `orderform validate [files…]`: every problem at once, offline; exit 1 on any error. */
export const validateCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'validate [files..]',
  describe: 'Check config files offline: schema, AOIs and vendor rules (no network call)',
  builder: (y) =>
    withConfigOptions(y)
      .positional('files', { type: 'string', array: true, describe: 'Config files or folders (default: --config)' })
      .example(
        examples([
          ['orderform validate', 'check orders.yaml'],
          ['orderform validate examples/maxar-ard.yaml', 'another file; several files or a folder are read as one config'],
        ]),
      ),
  handler: (args) => perform(import('./validate-run.js'), args, io),
});
