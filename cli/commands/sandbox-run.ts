/** The work of `orderform sandbox`, loaded only when the command runs (see sandbox.ts). */
import { rename, rm, writeFile } from 'node:fs/promises';
import type { SandboxOptions } from '../../sandbox/index.js';
import type { CliIo } from '../io.js';
import { renderExports, renderServing, SANDBOX_STOPPED } from '../render/sandbox.js';

/** Starts the sandbox, prints the export lines, serves until SIGINT or SIGTERM, then closes. */
export async function runSandbox(opts: SandboxOptions, io: CliIo, exportsFile?: string): Promise<void> {
  const { startSandbox } = await import('../../sandbox/index.js');
  const stopped = new Promise((resolve) => io.onSignal(['SIGINT', 'SIGTERM'], resolve));
  // A file left by an earlier sandbox names a port nobody listens on any more.
  if (exportsFile) await rm(exportsFile, { force: true });
  const sb = await startSandbox({ ...opts, log: (line) => io.stderr(`${line}\n`) });
  const exports = renderExports(sb.env);
  io.stdout(exports);
  // Written whole (temp + rename) once listening, so a script can wait for the file and source it.
  if (exportsFile) {
    await writeFile(`${exportsFile}.tmp`, exports);
    await rename(`${exportsFile}.tmp`, exportsFile);
  }
  io.stderr(renderServing(sb.url, opts.seed ?? 1));
  await stopped;
  await sb.close();
  if (exportsFile) await rm(exportsFile, { force: true });
  io.stderr(SANDBOX_STOPPED);
}
