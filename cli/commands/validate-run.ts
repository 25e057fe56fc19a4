/** The work of `orderform validate`, loaded only when the command runs (see validate.ts). */
import { loadConfig, type LoadResult } from '../../engine/config/index.js';
import { hasErrors } from '../../engine/diagnostics.js';
import type { CliIo } from '../io.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { renderValid } from '../render/validate.js';
import type { ValidateArgs } from './validate.js';

export const run = (args: ValidateArgs, io: CliIo): Promise<LoadResult> =>
  loadConfig(args.files?.length ? args.files : args.config, { cwd: io.cwd, env: io.env });

export function show({ config, diagnostics }: LoadResult, io: CliIo): void {
  io.stderr(renderDiagnostics(diagnostics, io.color));
  if (!config || hasErrors(diagnostics)) io.exitCode = 1;
  else io.stdout(renderValid(config));
}
