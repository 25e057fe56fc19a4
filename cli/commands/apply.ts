/**
 * `orderform apply [PLAN_FILE]`: build the plan (or load a saved one and refuse it when stale), show it,
 * ask for approval, then execute exactly those changes and print what was done, failed or skipped.
 */
import type { CliIo } from '../io.js';
import { withConfigOptions, withForgetOption, withRunOptions, withTargetOption, type ConfigOptions, type ForgetOptions, type RunOptions, type TargetOptions, examples } from '../options.js';
import { defineCommand, perform, type CommandFactory } from './define.js';

export interface ApplyArgs extends ConfigOptions, RunOptions, ForgetOptions, TargetOptions {
  plan?: string;
  autoApprove: boolean;
  keepGoing: boolean;
  allowDestructive: boolean;
  allowLargeSpend: boolean;
  allowRebuy: boolean;
  retryUnconfirmed: string[];
}

export const applyCommand: CommandFactory = (io: CliIo) => defineCommand({
  command: 'apply [plan]',
  describe: 'Place the orders, decide the quotations and sync the alerts of the plan (asks first)',
  builder: (y) =>
    withTargetOption(withForgetOption(withRunOptions(withConfigOptions(y), { parallelism: true })))
      .positional('plan', { type: 'string', describe: 'A plan saved by `orderform plan --out FILE` (refused when stale or when a price rose)' })
      .option('auto-approve', { type: 'boolean', default: false, describe: 'Do not ask for approval (CI)' })
      .option('keep-going', { type: 'boolean', default: false, describe: 'After a failed change, go on with the changes that do not depend on it' })
      .option('allow-destructive', { type: 'boolean', default: false, describe: 'Allow replacing or deleting more than safety.maxDestructiveShare of the alerts' })
      .option('allow-large-spend', { type: 'boolean', default: false, describe: 'Allow spending more than safety.maxSpendWithoutFlag' })
      .option('allow-rebuy', { type: 'boolean', default: false, describe: 'Allow new orders of imagery already bought (ALREADY_OWNED)' })
      .option('retry-unconfirmed', { type: 'string', array: true, default: [], describe: 'Order ADDRESS again: you are sure its unconfirmed order was never placed' })
      .example(
        examples([
          ['$0 apply', 'Plan, show, ask, then apply orders.yaml'],
          ['$0 apply --auto-approve --parallelism 4', 'In CI: no question, four changes at a time'],
          ['$0 plan --out plan.json && $0 apply plan.json', 'Apply exactly the reviewed plan'],
          ['$0 apply --auto-approve --quiet', 'Only the plan and the outcome: no progress, no line per change'],
          ['$0 apply --target alerts.harbour-watch', 'Repair one alert; leave every other change for later'],
          ['$0 apply --allow-rebuy', 'Buy again imagery the plan says is already owned (ALREADY_OWNED)'],
        ]),
      ),
  handler: (args) => perform(import('./apply-run.js'), args, io),
});
