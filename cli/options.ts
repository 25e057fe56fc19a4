/** Option groups shared by the commands that read config (validate, plan, apply, …). */
import type { Argv } from 'yargs';

export const DEFAULT_CONFIG = 'orders.yaml';

export interface ConfigOptions {
  config: string[];
}

/** `-c/--config FILE` (repeatable; a folder means all *.yaml / *.yml in it), default orders.yaml. */
export function withConfigOptions<T>(yargs: Argv<T>): Argv<T & ConfigOptions> {
  return yargs
    .option('config', {
      alias: 'c',
      type: 'string',
      array: true,
      requiresArg: true,
      default: [DEFAULT_CONFIG],
      describe: 'Config file or folder (repeatable)',
    })
    .group(['config'], 'Config:') as Argv<T & ConfigOptions>;
}
