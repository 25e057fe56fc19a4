/** The work of `orderform demo`, loaded only when the command runs (see demo.ts). */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../io.js';
import { renderDemoKept, renderDemoStart, renderDemoStep } from '../render/demo.js';
import type { DemoArgs } from './demo.js';

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

export async function runDemo(args: DemoArgs, io: CliIo): Promise<void> {
  const { run } = await import('../main.js');
  const { startSandbox } = await import('../../sandbox/index.js');
  const root = packageRoot();
  const dir = mkdtempSync(join(tmpdir(), 'orderform-demo-'));
  cpSync(join(root, EXAMPLE), join(dir, 'orders.yaml'));
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  const sandbox = await startSandbox({ deliveryDelayMs: 0 });
  const demoIo: CliIo = { ...io, cwd: dir, env: { ...io.env, ...sandbox.env }, exitCode: 0 };
  const step = async (title: string, argv: string[]): Promise<number> => {
    io.stdout(renderDemoStep(title, argv));
    demoIo.exitCode = 0;
    return run(argv, demoIo);
  };
  try {
    io.stdout(renderDemoStart(sandbox.url, dir));
    const codes = [
      await step('what would be ordered, and what it costs', ['plan']),
      await step('do it (no question asked in the demo)', ['apply', '--auto-approve']),
      await step('nothing left to do', ['plan', '--detailed-exitcode']),
    ];
    io.exitCode = codes.some((c) => c !== 0) ? 1 : 0;
    if (args.keep) io.stdout(renderDemoKept(dir));
  } finally {
    await sandbox.close();
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
}
