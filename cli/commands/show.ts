/** `orderform show FILE`: renders a plan saved by `plan --out`, offline. */
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { loadPlan } from '../../engine/plan/planfile.js';
import type { CliIo } from '../io.js';
import type { CommandFactory } from './index.js';
import { planExitCode, printPlan, withOutputOptions, type OutputOptions } from './plan.js';

interface ShowArgs extends OutputOptions {
  file: string;
  detailedExitcode: boolean;
}

export const showCommand: CommandFactory = (io: CliIo) => ({
  command: 'show <file>',
  describe: 'Show a saved plan (no network call)',
  builder: (y: Argv) =>
    withOutputOptions(y.positional('file', { type: 'string', demandOption: true, describe: 'A plan saved with `orderform plan --out FILE`' }))
      .option('detailed-exitcode', { type: 'boolean', default: false, describe: 'Exit 0 with no changes, 1 when not applyable, 2 with changes' })
      .example('$0 show plan.json', 'Review a saved plan')
      .example('$0 show plan.json --output markdown', 'The saved plan as a PR comment'),
  handler: async (raw) => {
    const args = raw as unknown as ShowArgs;
    const plan = await loadPlan(resolve(io.cwd, args.file));
    printPlan(plan, args, io);
    io.exitCode = planExitCode(plan, args.detailedExitcode);
  },
});
