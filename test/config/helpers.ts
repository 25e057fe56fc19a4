/** Shared by the config tests: load from the repo root, and run the CLI in-process. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../cli/main.js';
import type { CliIo } from '../../cli/io.js';
import { loadConfig } from '../../engine/config/index.js';

export const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');

export function load(paths: string[], env: Record<string, string> = {}, cwd = ROOT) {
  return loadConfig(paths, { cwd, env });
}

export async function cli(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    color: false,
    isTty: false,
    env: {},
    cwd,
    exitCode: 0,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
