/** The CLI in-process against the sandbox, in a temp folder, as a new user would run it. */
import type { Sandbox } from '../../sandbox/index.js';
import { runCli, type CliRun } from '../support/capture-io.js';
import { tempDir } from '../support/project.js';
import { sandboxBeside } from '../support/sandbox.js';

export interface Team {
  sb: Sandbox;
  dir: string;
  cli(args: string[], opts?: { isTty?: boolean; env?: Record<string, string> }): Promise<CliRun>;
  close(): Promise<void>;
}

export async function startTeam(): Promise<Team> {
  const { sb, dir, close } = await sandboxBeside(tempDir('teams'));
  return {
    sb,
    dir,
    cli: (args, opts = {}) => runCli(args, { cwd: dir, env: { ...sb.env, ...opts.env }, isTty: opts.isTty ?? false }),
    close,
  };
}
