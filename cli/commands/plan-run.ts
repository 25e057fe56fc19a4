/** The work of `orderform plan`, loaded only when the command runs (see plan.ts). */
import { resolve } from 'node:path';
import { buildPlan } from '../../engine/plan/build.js';
import { savePlan, serializePlan } from '../../engine/plan/planfile.js';
import { withSession } from '../context.js';
import type { CliIo } from '../io.js';
import { renderPlanNotSaved, renderPlanSaved } from '../render/plan-file.js';
import { createProgress, planProgressHook } from '../render/progress.js';
import type { PlanArgs } from './plan.js';
import { planExitCode, printPlan } from './plan-output.js';

export async function runPlan(args: PlanArgs, io: CliIo): Promise<void> {
  await withSession(args, io, {}, async ({ config, store, clients }) => {
    const state = await store.read();
    const bar = createProgress(io, { quiet: args.quiet ?? false });
    const { plan } = await buildPlan({ config, state, clients, forget: args.forget, targets: args.target, onProgress: planProgressHook(bar) }).finally(() => bar.finish());
    // `--out -`: stdout carries the plan JSON alone; the plan for people goes to stderr.
    printPlan(plan, args, args.out === '-' ? { ...io, stdout: io.stderr } : io);
    io.exitCode = planExitCode(plan, args.detailedExitcode);
    if (args.out) {
      if (io.exitCode === 1) io.stderr(renderPlanNotSaved(args.out));
      else if (args.out === '-') io.stdout(serializePlan(plan));
      else {
        await savePlan(resolve(io.cwd, args.out), plan);
        if (!args.quiet) io.stderr(renderPlanSaved(args.out, plan));
      }
    }
  });
}
