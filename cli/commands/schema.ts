import { schemaText } from '../../engine/config/schema.js';
import type { CliIo } from '../io.js';
import type { CommandFactory } from './define.js';
import { examples } from '../options.js';

/** `orderform schema`: the config JSON Schema, for editors and other tools. */
export const schemaCommand: CommandFactory = (io: CliIo) => ({
  command: 'schema',
  describe: 'Print the JSON Schema of the config files',
  builder: (y) => y.example(examples([['orderform schema > orderform.schema.json', 'for editors: `# yaml-language-server: $schema=orderform.schema.json`']])),
  handler: () => {
    io.stdout(schemaText());
  },
});
