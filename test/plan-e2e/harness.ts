/** A sandbox, a temp working dir holding config + state, and the CLI run in-process against both. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/index.js';
import { runCli, type CliRun } from '../support/capture-io.js';
import { examplesCopy } from '../support/project.js';
import { sandboxBeside } from '../support/sandbox.js';

export interface World {
  sb: Sandbox;
  dir: string;
  cli(...argv: string[]): Promise<CliRun>;
  close(): Promise<void>;
}

/** A temp dir with the example config (and its AOI files) copied in, plus `extraFiles`. */
export async function startWorld(extraFiles: Record<string, string> = {}): Promise<World> {
  const { sb, dir, close } = await sandboxBeside(await examplesCopy('plan'));
  for (const [name, text] of Object.entries(extraFiles)) await writeFile(join(dir, name), text);
  return { sb, dir, cli: (...argv) => runCli(argv, { cwd: dir, env: { ...sb.env } }), close };
}
