import type { CliIo } from '../io.js';
import { DEFAULT_CONFIG, examples } from '../options.js';
import { defineCommand, perform, type CommandFactory } from './define.js';

export interface InitArgs {
  file: string;
  force: boolean;
  schema?: string | undefined;
  maxarAccount?: string | undefined;
}

export const SCHEMA_FILE = 'orderform.schema.json';

/** `orderform init [file]`: a starter config that validates as written, with every resource kind as a commented example. */
export const initCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'init [file]',
  describe: 'Write a starter config (and the JSON Schema for editor completion)',
  builder: (y) =>
    y
      .positional('file', { type: 'string', default: DEFAULT_CONFIG, describe: 'Config file to write' })
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite an existing file' })
      .option('schema', { type: 'string', requiresArg: true, describe: `$schema reference for editors (default: write ${SCHEMA_FILE} beside the config)` })
      .option('maxar-account', { type: 'string', requiresArg: true, describe: 'Declare this Maxar ARD account id' })
      .example(
        examples([
          ['$0 init', `Write ${DEFAULT_CONFIG} and ${SCHEMA_FILE} (then: discover --write)`],
          ['$0 init imagery.yaml --maxar-account 557471230760500000 --force', 'Start over, with a Maxar ARD account'],
        ]),
      ),
  handler: (args) => perform(import('./init-run.js'), args, io),
});

