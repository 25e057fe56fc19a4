/**
 * `orderform plan`: refresh remote truth (reads only), diff, price and check limits; print the plan
 * as text, JSON or a Markdown PR comment; optionally save it for `apply FILE`.
 */
import type { Argv } from 'yargs';
import type { CliIo } from '../io.js';
import { withConfigOptions, withForgetOption, withRunOptions, withTargetOption, type ConfigOptions, type ForgetOptions, type RunOptions, type TargetOptions, examples } from '../options.js';
import { defineCommand, type CommandFactory } from './define.js';

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
    .option('color', { type: 'boolean', default: true, describe: 'Colour the text output (off with --no-color, NO_COLOR or when not a terminal)' });
}

export interface PlanArgs extends ConfigOptions, OutputOptions, RunOptions, ForgetOptions, TargetOptions {
  out?: string;
  detailedExitcode: boolean;
}

export const planCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'plan',
  describe: 'Show what apply would order, accept, refuse, create or delete, and what it costs (reads only)',
  builder: (y) =>
    withTargetOption(withForgetOption(withRunOptions(withOutputOptions(withConfigOptions(y)), { parallelism: true })))
      .option('out', { type: 'string', requiresArg: true, describe: 'Save the exact plan to FILE for `orderform apply FILE`: a new file or an earlier plan, never anything else (`-`: the plan JSON on stdout)' })
      .option('detailed-exitcode', { type: 'boolean', default: false, describe: 'Exit 0 with no changes, 1 on error, 2 with changes or an unconfirmed purchase' })
      .example(
        examples([
          ['$0 plan -c orders.yaml', 'Show the plan for orders.yaml'],
          ['$0 plan --out plan.json --detailed-exitcode', 'Save the plan for apply; exit 2 when it changes something'],
          ['$0 plan --output markdown > comment.md', 'A pull-request comment'],
          ['$0 plan --quiet --parallelism 4', 'No progress bar; four vendor requests at a time'],
          ['$0 plan --target alerts.harbour-watch', 'Only that alert and what it depends on'],
        ]),
      ),
  handler: async (args) => (await import('./plan-run.js')).runPlan(args, io),
});
