import type { CommandModule } from 'yargs';
import type { CliIo } from '../io.js';
import { sandboxCommand } from './sandbox.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';
import { applyCommand } from './apply.js';
import { discoverCommand } from './discover.js';

/** Every command takes the io it writes to; one line per command, registered in cli/main.ts. */
export type CommandFactory = (io: CliIo) => CommandModule<any, any>;

export const commands: CommandFactory[] = [validateCommand, schemaCommand, discoverCommand, sandboxCommand, applyCommand];
