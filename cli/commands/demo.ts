/**
 * `orderform demo`: the quick start. Starts the sandbox in-process, copies orders.yaml.example (and
 * its AOI files) to a temp dir, points the environment at the sandbox, then runs plan, apply
 * --auto-approve and a second plan that shows no changes. Touches nothing outside the temp dir.
 */
import type { CliIo } from '../io.js';
import { defineCommand, type CommandFactory } from './define.js';
import { examples } from '../options.js';

export interface DemoArgs {
  keep: boolean;
}

export const demoCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'demo',
  describe: 'Plan and apply orders.yaml.example against the built-in sandbox (no account, no network)',
  builder: (y) =>
    y
      .option('keep', { type: 'boolean', default: false, describe: 'Keep the temp dir (config and state) and print where it is' })
      .example(examples([['$0 demo', 'The quick start: plan, apply, plan again against the sandbox']])),
  handler: async (args) => (await import('./demo-run.js')).runDemo(args, io),
});
