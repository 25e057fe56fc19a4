import type { CommandFactory } from './define.js';
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

/** Registered in cli/main.ts, in this order in --help. */
export const commands: CommandFactory[] = [validateCommand, schemaCommand, discoverCommand, initCommand, searchCommand, deliveriesCommand, completionCommand, sandboxCommand, planCommand, showCommand, refreshCommand, stateCommand, applyCommand, importCommand, quotationCommand, demoCommand];
