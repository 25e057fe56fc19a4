/** The CLI in-process against the sandbox, in a temp folder, as a new user would run it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../cli/io.js';
import { run } from '../../cli/main.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Team {
  sb: Sandbox;
  dir: string;
  cli(args: string[], opts?: { isTty?: boolean; env?: Record<string, string> }): Promise<CliResult>;
  close(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'orderform-teams-'));
}

export async function startTeam(): Promise<Team> {
  const sb = await startSandbox({ deliveryDelayMs: 0 });
  const dir = tempDir();
  return {
    sb,
    dir,
    cli: async (args, opts = {}) => {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
        color: false,
        isTty: opts.isTty ?? false,
        env: { ...sb.env, ...opts.env },
        cwd: dir,
        exitCode: 0,
      };
      const code = await run(args, io);
      return { code, stdout, stderr };
    },
    close: () => sb.close(),
  };
}
