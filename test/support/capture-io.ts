/** The CLI run in-process with a CliIo that keeps what it writes: what a user would see, and the exit code. */
import { Readable } from 'node:stream';
import type { CliIo, StopSignal } from '../../cli/io.js';
import { run } from '../../cli/main.js';

export interface CaptureOptions {
  cwd: string;
  /** The whole environment the CLI sees (nothing leaks in from the test process). */
  env?: NodeJS.ProcessEnv;
  isTty?: boolean;
  columns?: number;
  /** Lines typed at the terminal, in order; INTERRUPT is Ctrl-C (SIGINT). No line left: Ctrl-D (end of input). */
  answers?: (string | typeof INTERRUPT)[];
  /** Ctrl-C once the CLI has written text (stdout or stderr) that matches. */
  interruptWhen?: RegExp;
}

export const INTERRUPT: unique symbol = Symbol('Ctrl-C');

export interface CapturedIo {
  io: CliIo;
  stdout(): string;
  stderr(): string;
  /** Sends a signal to the CLI (Ctrl-C is SIGINT). */
  signal(s: StopSignal): void;
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
  const listeners = new Set<{ signals: readonly StopSignal[]; listener: (s: StopSignal) => void }>();
  const signal = (s: StopSignal) => {
    for (const l of listeners) if (l.signals.includes(s)) l.listener(s);
  };
  let interrupted = false;
  const written = () => {
    if (interrupted || !opts.interruptWhen?.test(stdout + stderr)) return;
    interrupted = true;
    signal('SIGINT');
  };
  // The keyboard: each read types the next line, which the terminal echoes where the user sees it.
  const stdin = new Readable({
    read() {
      const answer = answers.shift();
      if (answer === undefined) this.push(null);
      else if (answer === INTERRUPT) setImmediate(() => signal('SIGINT'));
      else {
        stdout += `${answer}\n`;
        this.push(`${answer}\n`);
      }
    },
  });
  const io: CliIo = {
    stdin,
    stdout: (t) => void ((stdout += t), written()),
    stderr: (t) => void ((stderr += t), written()),
    color: false,
    isTty: opts.isTty ?? false,
    columns: opts.columns,
    env: opts.env ?? {},
    cwd: opts.cwd,
    pid: process.pid,
    now: () => new Date(),
    exitCode: 0,
    onSignal: (signals, listener) => {
      const entry = { signals, listener };
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
  };
  return { io, stdout: () => stdout, stderr: () => stderr, signal };
}

/** `orderform <argv>` in-process: its exit code and everything it printed. */
export async function runCli(argv: string[], opts: CaptureOptions): Promise<CliRun> {
  const captured = captureIo(opts);
  const code = await run(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}
