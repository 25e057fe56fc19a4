import type { CommandModule } from 'yargs';
import type { CliIo } from '../io.js';
import { sandboxCommand } from './sandbox.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';
import { discoverCommand } from './discover.js';
import { initCommand } from './init.js';
import { searchCommand } from './search.js';
import { deliveriesCommand } from './deliveries.js';
import { completionCommand } from './completion.js';
import { applyCommand } from './apply.js';
import { importCommand } from './import.js';
import { demoCommand } from './demo.js';
import { planCommand } from './plan.js';
import { showCommand } from './show.js';
import { refreshCommand } from './refresh.js';
import { stateCommand } from './state.js';
import { quotationCommand } from './quotation.js';

/**
 * Every command takes the io it writes to; one line per command, registered in cli/main.ts.
 * A command file holds only the definition (command, describe, builder, examples); its handler
 * imports the work (`<command>-run.ts`) on use, so that starting the CLI loads no command's dependencies.
 */
export type CommandFactory = (io: CliIo) => CommandModule<any, any>;

export const commands: CommandFactory[] = [validateCommand, schemaCommand, discoverCommand, initCommand, searchCommand, deliveriesCommand, completionCommand, sandboxCommand, planCommand, showCommand, refreshCommand, stateCommand, applyCommand, importCommand, quotationCommand, demoCommand];
