/** Option groups shared by the commands that read config (validate, plan, apply, …). */
import type { Argv } from 'yargs';

export const DEFAULT_CONFIG = 'orders.yaml';

/** Options of the root parser (cli/main.ts) that every command sees. */
export interface GlobalOptions {
  /** Details and stack traces of internal errors; vendor requests on stderr. */
  debug: boolean;
}

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
    .group(['config'], 'Config:');
}

/** Changes (and vendor requests) in flight at once when --parallelism is not given. */
export const DEFAULT_PARALLELISM = 10;

export interface RunOptions {
  /** Global `--debug` (cli/main.ts): vendor requests on stderr. */
  debug?: boolean;
  parallelism?: number;
  quiet?: boolean;
}

/**
 * `--quiet` (no progress bar, no non-essential lines) and, for commands that talk to vendors in
 * parallel, `--parallelism N`.
 */
export function withRunOptions<T>(yargs: Argv<T>, opts: { parallelism?: boolean } = {}): Argv<T & RunOptions> {
  const y = yargs.option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress bar and no non-essential lines' });
  const withParallelism = opts.parallelism
    ? y.option('parallelism', {
        type: 'number',
        requiresArg: true,
        coerce: parallelism,
        describe: `Independent changes and vendor requests in flight at once, a whole number >= 1 (default ${DEFAULT_PARALLELISM})`,
      })
    : y;
  return withParallelism;
}

/** Below 1 nothing would ever run (apply did nothing and exited 0): a usage error (exit 1), before any work. */
export function parallelism(value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`PARALLELISM_INVALID: --parallelism must be a whole number of at least 1 (got ${String(value)}); leave it out for the default (${DEFAULT_PARALLELISM})`);
  }
  return n;
}

export interface ForgetOptions {
  forget: string[];
}

/** `--forget ADDRESS` (repeatable), shared by plan and apply: drop a resource removed from config from state only. */
export function withForgetOption<T>(yargs: Argv<T>): Argv<T & ForgetOptions> {
  return yargs.option('forget', {
    type: 'string',
    array: true,
    default: [],
    describe: 'Drop ADDRESS (removed from config) from state without touching the vendor',
  });
}

export interface TargetOptions {
  target: string[];
}

/** `--target ADDRESS` (repeatable), shared by plan and apply: only those resources and what they depend on. */
export function withTargetOption<T>(yargs: Argv<T>): Argv<T & TargetOptions> {
  return yargs.option('target', {
    type: 'string',
    array: true,
    default: [],
    describe: 'Plan only ADDRESS and what it depends on (repeatable; every other change is left out)',
  }) as Argv<T & TargetOptions>;
}

/**
 * Help examples stacked kubectl-style, `# what it does` over the command: yargs sets a command beside its
 * description in a column capped at half the width, which cut longer commands over two lines.
 */
export function examples(list: readonly (readonly [command: string, description: string])[]): [string, string][] {
  return list.flatMap(([command, description], i): [string, string][] => [...(i ? [['', ''] as [string, string]] : []), [`# ${description}`, ''], [command, '']]);
}
