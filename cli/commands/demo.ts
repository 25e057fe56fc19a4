/**
 * `orderform demo`: the quick start. Starts the sandbox in-process, copies orders.yaml.example (and
 * its AOI files) to a temp dir, points the environment at the sandbox, then runs plan, apply
 * --auto-approve and a second plan that shows no changes. Touches nothing outside the temp dir.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv } from 'yargs';
import type { CliIo } from '../io.js';
import type { CommandFactory } from './index.js';
import { examples } from '../options.js';

const EXAMPLE = 'orders.yaml.example';

/** The package root (where orders.yaml.example lives), from the source or the built file alike. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, EXAMPLE))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`${EXAMPLE} not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

interface DemoArgs {
  keep: boolean;
}

export const demoCommand: CommandFactory = (io: CliIo) => ({
  command: 'demo',
  describe: 'Plan and apply orders.yaml.example against the built-in sandbox (no account, no network)',
  builder: (y: Argv) =>
    y
      .option('keep', { type: 'boolean', default: false, describe: 'Keep the temp dir (config and state) and print where it is' })
      .example(examples([['$0 demo', 'The quick start: plan, apply, plan again against the sandbox']])),
  handler: async (raw) => {
    const args = raw as unknown as DemoArgs;
    const { run } = await import('../main.js');
    const { startSandbox } = await import('../../sandbox/index.js');
    const root = packageRoot();
    const dir = mkdtempSync(join(tmpdir(), 'orderform-demo-'));
    cpSync(join(root, EXAMPLE), join(dir, 'orders.yaml'));
    cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
    const sandbox = await startSandbox({ deliveryDelayMs: 0 });
    const demoIo: CliIo = { ...io, cwd: dir, env: { ...io.env, ...sandbox.env }, exitCode: 0 };
    const step = async (title: string, argv: string[]): Promise<number> => {
      io.stdout(`\n$ orderform ${argv.join(' ')}    # ${title}\n\n`);
      demoIo.exitCode = 0;
      return run(argv, demoIo);
    };
    try {
      io.stdout(`Sandbox on ${sandbox.url}; config and state in ${dir}\n`);
      const codes = [
        await step('what would be ordered, and what it costs', ['plan']),
        await step('do it (no question asked in the demo)', ['apply', '--auto-approve']),
        await step('nothing left to do', ['plan', '--detailed-exitcode']),
      ];
      io.exitCode = codes.some((c) => c !== 0) ? 1 : 0;
      if (args.keep) io.stdout(`\nKept ${dir}\n`);
    } finally {
      await sandbox.close();
      if (!args.keep) rmSync(dir, { recursive: true, force: true });
    }
  },
});
