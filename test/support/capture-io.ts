/** The CLI run in-process with a CliIo that keeps what it writes: what a user would see, and the exit code. */
import { Interrupted, type CliIo } from '../../cli/io.js';
import { run } from '../../cli/main.js';

export interface CaptureOptions {
  cwd: string;
  /** The whole environment the CLI sees (nothing leaks in from the test process). */
  env?: NodeJS.ProcessEnv;
  isTty?: boolean;
  columns?: number;
  /** Answers to the questions asked, in order; INTERRUPT is Ctrl-C at the question. No answer left: Ctrl-D. */
  answers?: (string | typeof INTERRUPT)[];
  /** Ctrl-C once the CLI has written text (stdout or stderr) that matches. */
  interruptWhen?: RegExp;
}

export const INTERRUPT: unique symbol = Symbol('Ctrl-C');

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
  const answers = [...(opts.answers ?? [])];
  const listeners = new Set<() => void>();
  let interrupted = false;
  const written = () => {
    if (interrupted || !opts.interruptWhen?.test(stdout + stderr)) return;
    interrupted = true;
    for (const l of listeners) l();
  };
  const io: CliIo = {
    stdout: (t) => void ((stdout += t), written()),
    stderr: (t) => void ((stderr += t), written()),
    color: false,
    isTty: opts.isTty ?? false,
    columns: opts.columns,
    env: opts.env ?? {},
    cwd: opts.cwd,
    exitCode: 0,
    ask: async (question) => {
      stdout += question;
      const answer = answers.shift();
      if (answer === undefined || answer === INTERRUPT) throw new Interrupted();
      stdout += `${answer}\n`;
      return answer;
    },
    onInterrupt: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}

/** `orderform <argv>` in-process: its exit code and everything it printed. */
export async function runCli(argv: string[], opts: CaptureOptions): Promise<CliRun> {
  const captured = captureIo(opts);
  const code = await run(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}
