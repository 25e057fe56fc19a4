/** The CLI run in-process with a CliIo that keeps what it writes: what a user would see, and the exit code. */
import type { CliIo } from '../../cli/io.js';
import { run } from '../../cli/main.js';

export interface CaptureOptions {
  cwd: string;
  /** The whole environment the CLI sees (nothing leaks in from the test process). */
  env?: NodeJS.ProcessEnv;
  isTty?: boolean;
  columns?: number;
}

export interface CapturedIo {
  io: CliIo;
  stdout(): string;
  stderr(): string;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function captureIo(opts: CaptureOptions): CapturedIo {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    color: false,
    isTty: opts.isTty ?? false,
    columns: opts.columns,
    env: opts.env ?? {},
    cwd: opts.cwd,
    exitCode: 0,
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}

/** `orderform <argv>` in-process: its exit code and everything it printed. */
export async function runCli(argv: string[], opts: CaptureOptions): Promise<CliRun> {
  const captured = captureIo(opts);
  const code = await run(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}
