/** The work of `orderform show`, loaded only when the command runs (see show.ts). */
import { resolve } from 'node:path';
import { loadPlan } from '../../engine/plan/planfile.js';
import type { CliIo } from '../io.js';
import { planExitCode, printPlan } from './plan-output.js';
import type { ShowArgs } from './show.js';

export async function runShow(args: ShowArgs, io: CliIo): Promise<void> {
  const plan = await loadPlan(resolve(io.cwd, args.file));
  printPlan(plan, args, io, true);
  io.exitCode = planExitCode(plan, args.detailedExitcode);
}
