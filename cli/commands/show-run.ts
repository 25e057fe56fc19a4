/** The work of `orderform show`, loaded only when the command runs (see show.ts). */
import { resolve } from 'node:path';
import { loadPlan } from '../../engine/plan/planfile.js';
import type { Plan } from '../../engine/plan/types.js';
import type { CliIo } from '../io.js';
import { planExitCode, printPlan } from './plan-output.js';
import type { ShowArgs } from './show.js';

export const run = (args: ShowArgs, io: CliIo): Promise<Plan> => loadPlan(resolve(io.cwd, args.file));

export function show(plan: Plan, io: CliIo, args: ShowArgs): void {
  printPlan(plan, args, io, true);
  io.exitCode = planExitCode(plan, args.detailedExitcode);
}
