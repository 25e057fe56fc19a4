/** The CLI in-process against the sandbox, in a temp folder, as a new user would run it. */
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { runCli, type CliRun } from '../support/capture-io.js';
import { tempDir } from '../support/project.js';

export interface Team {
  sb: Sandbox;
  dir: string;
  cli(args: string[], opts?: { isTty?: boolean; env?: Record<string, string> }): Promise<CliRun>;
  close(): Promise<void>;
}

export async function startTeam(): Promise<Team> {
  const sb = await startSandbox({ deliveryDelayMs: 0 });
  const dir = tempDir('teams');
  return {
    sb,
    dir,
    cli: (args, opts = {}) => runCli(args, { cwd: dir, env: { ...sb.env, ...opts.env }, isTty: opts.isTty ?? false }),
    close: () => sb.close(),
  };
}
