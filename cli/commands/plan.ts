/**
 * `orderform plan`: refresh remote truth (reads only), diff, price and check limits; print the plan
 * as text, JSON or a Markdown PR comment; optionally save it for `apply FILE`.
 */
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { hasErrors } from '../../engine/diagnostics.js';
import { buildPlan } from '../../engine/plan/build.js';
import { savePlan } from '../../engine/plan/planfile.js';
import { isChange, type Plan } from '../../engine/plan/types.js';
import { withSession } from '../context.js';
import type { CliIo } from '../io.js';
import { withConfigOptions, withForgetOption, withRunOptions, type ConfigOptions, type ForgetOptions, type RunOptions } from '../options.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { createProgress, planProgressHook } from '../render/progress.js';
import { renderPlanJson } from '../render/json.js';
import { renderPlanMarkdown } from '../render/markdown.js';
import { renderPlanText } from '../render/text.js';
import type { CommandFactory } from './index.js';

export const OUTPUTS = ['text', 'json', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUTS)[number];

export interface OutputOptions {
  output: OutputFormat;
  color: boolean;
}

/** `--output` and `--no-color`, shared by plan and show. */
export function withOutputOptions<T>(y: Argv<T>): Argv<T & OutputOptions> {
  return y
    .option('output', { alias: 'o', choices: OUTPUTS, default: 'text' as OutputFormat, describe: 'text (terminal), json (schemas/plan.schema.json) or markdown (PR comment)' })
    .option('color', { type: 'boolean', default: true, describe: 'Colour the text output (off with --no-color, NO_COLOR or when not a terminal)' }) as Argv<T & OutputOptions>;
}

/** Prints a plan in the chosen format; JSON and Markdown keep stdout clean and show diagnostics on stderr. */
export function printPlan(plan: Plan, opts: OutputOptions, io: CliIo): void {
  const color = opts.color && io.color && !io.env.NO_COLOR;
  if (opts.output === 'text') {
    io.stdout(renderPlanText(plan, { color }));
    return;
  }
  io.stdout(opts.output === 'json' ? renderPlanJson(plan) : renderPlanMarkdown(plan));
  if (plan.diagnostics.length) io.stderr(renderDiagnostics(plan.diagnostics, color));
}

/** 1 when the plan cannot be applied; with --detailed-exitcode 2 when it changes something, else 0. */
export function planExitCode(plan: Plan, detailed: boolean): number {
  if (hasErrors(plan.diagnostics) || !plan.applyable) return 1;
  return detailed && plan.changes.some(isChange) ? 2 : 0;
}

interface PlanArgs extends ConfigOptions, OutputOptions, RunOptions, ForgetOptions {
  out?: string;
  detailedExitcode: boolean;
}

export const planCommand: CommandFactory = (io: CliIo) => ({
  command: 'plan',
  describe: 'Show what apply would order, accept, refuse, create or delete, and what it costs (reads only)',
  builder: (y: Argv) =>
    withForgetOption(withRunOptions(withOutputOptions(withConfigOptions(y)), { parallelism: true }))
      .option('out', { type: 'string', requiresArg: true, describe: 'Save the exact plan to FILE for `orderform apply FILE`' })
      .option('detailed-exitcode', { type: 'boolean', default: false, describe: 'Exit 0 with no changes, 1 on error, 2 with changes' })
      .example('$0 plan -c orders.yaml', 'Show the plan for orders.yaml')
      .example('$0 plan --out plan.json --detailed-exitcode', 'Save the plan for apply; exit 2 when it changes something')
      .example('$0 plan --output markdown > comment.md', 'A pull-request comment')
      .example('$0 plan --quiet --parallelism 4', 'No progress bar; four vendor requests at a time'),
  handler: async (raw) => {
    const args = raw as unknown as PlanArgs;
    await withSession(args, io, {}, async ({ config, store, clients }) => {
      const state = await store.read();
      const bar = createProgress(io, { quiet: args.quiet ?? false });
      const { plan } = await buildPlan({ config, state, clients, forget: args.forget, onProgress: planProgressHook(bar) }).finally(() => bar.finish());
      printPlan(plan, args, io);
      io.exitCode = planExitCode(plan, args.detailedExitcode);
      if (args.out) {
        if (io.exitCode === 1) io.stderr(`Plan not saved to ${args.out}: it cannot be applied.\n`);
        else {
          await savePlan(resolve(io.cwd, args.out), plan);
          if (!args.quiet) io.stderr(`Plan saved to ${args.out}. Apply it with: orderform apply ${args.out}\n`);
        }
      }
    });
  },
});
